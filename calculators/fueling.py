"""Low glycogen stores: carbohydrate before, during and after exercise, and day to day.

The article says glycogen runs low past 60 minutes or at high intensity; the amounts come from the joint
ACSM / Academy of Nutrition and Dietetics / Dietitians of Canada position (Thomas, Erdman & Burke 2016).
The guideline's duration bands overlap at their edges; our tie-breaks: under 45 min none; 45 to under 60 min
small amounts or a mouth rinse (0 g/h); 60 to 150 min inclusive 30–60 g/h; over 150 min 60–90 g/h.

References
----------
Thomas DT, Erdman KA, Burke LM (2016). American College of Sports Medicine joint position statement: nutrition
and athletic performance. Med Sci Sports Exerc 48:543–568. doi:10.1249/MSS.0000000000000852
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from .calculator import Calculator
from .fields import Choice, Output
from .formatting import number, span
from .result import Result
from .shared_fields import BODY_WEIGHT_KG, SESSION_DURATION_MIN
from .sources import ARTICLE, THOMAS_2016

#: Thomas et al. 2016, during exercise: (upper duration bound in min, bound inclusive?, g/h range, advice).
DURING_BANDS = (
    (45.0, False, (0.0, 0.0), "none needed"),
    (60.0, False, (0.0, 0.0), "small amounts or a carbohydrate mouth rinse"),
    (150.0, True, (30.0, 60.0), ""),
    (float("inf"), True, (60.0, 90.0), "from multiple transportable carbohydrates"),
)
PRE_EXERCISE_G_PER_KG = (1.0, 4.0)  # 1–4 h before exercise lasting over 60 min
PRE_EXERCISE_HOURS_AHEAD = (1.0, 4.0)
PRE_EXERCISE_MIN_DURATION_MIN = 60.0
DAILY_G_PER_KG = {
    "light": (3.0, 5.0),
    "moderate": (5.0, 7.0),
    "high": (6.0, 10.0),
    "very_high": (8.0, 12.0),
}
RECOVERY_G_PER_KG_PER_H = (1.0, 1.2)  # first 4 h when under 8 h separate two sessions
RECOVERY_HOURS = 4.0
RECOVERY_GAP_MAX_H = 8.0
GLYCOGEN_RISK_DURATION_MIN = 60.0  # the article's threshold
TRAINING_OPTIONS = (
    ("light", "Light (low intensity or skill-based)"),
    ("moderate", "Moderate (about 1 hour a day)"),
    ("high", "High (1–3 hours a day, moderate to high intensity)"),
    ("very_high", "Very high (over 4–5 hours a day)"),
)
TRAINING_WORDS = {value: label.split(" (")[0].lower() for value, label in TRAINING_OPTIONS}


@dataclass(frozen=True, kw_only=True)
class FuelingInputs:
    """Body weight, the session's length and the usual training load."""

    weight_kg: Annotated[
        float,
        BODY_WEIGHT_KG,
    ]
    duration_min: Annotated[
        float,
        SESSION_DURATION_MIN,
    ]
    training_level: Annotated[
        str,
        Choice(
            label="Training load",
            help="Your usual daily training, which sets the daily carbohydrate range.",
            options=TRAINING_OPTIONS,
            default="moderate",
        ),
    ]


OUTPUTS = (
    Output(key="during_g_per_h_min", label="During exercise (from)", unit="g_per_h"),
    Output(key="during_g_per_h_max", label="During exercise (to)", unit="g_per_h"),
    Output(key="during_total_g_min", label="During the whole session (from)", unit="g"),
    Output(key="during_total_g_max", label="During the whole session (to)", unit="g"),
    Output(key="pre_exercise_g_min", label="1–4 h before (from)", unit="g"),
    Output(key="pre_exercise_g_max", label="1–4 h before (to)", unit="g"),
    Output(key="daily_g_min", label="Daily carbohydrate (from)", unit="g_per_day"),
    Output(key="daily_g_max", label="Daily carbohydrate (to)", unit="g_per_day"),
    Output(key="recovery_g_per_h_min", label="Fast recovery (from)", unit="g_per_h", help="First 4 h."),
    Output(key="recovery_g_per_h_max", label="Fast recovery (to)", unit="g_per_h", help="First 4 h."),
)


def compute(inputs: FuelingInputs) -> Result:
    """Carbohydrate ranges scaled by body weight and the session's duration band (Thomas et al. 2016)."""
    result = Result()
    weight, minutes = inputs.weight_kg, inputs.duration_min
    (rate_low, rate_high), advice = _during_band(minutes)
    hours = minutes / 60
    result.values.update(during_g_per_h_min=rate_low, during_g_per_h_max=rate_high)
    result.values.update(during_total_g_min=rate_low * hours, during_total_g_max=rate_high * hours)
    result.step(f"During a {number(minutes)}-min session ({advice}): {span((rate_low, rate_high), 'g/h', 0)}")
    result.step(
        f"Whole session = {span((rate_low, rate_high), 'g/h', 0)} × {number(hours, 2)} h = "
        f"{span((rate_low * hours, rate_high * hours), 'g', 0)}"
    )

    if minutes > PRE_EXERCISE_MIN_DURATION_MIN:
        pre_low, pre_high = (rate * weight for rate in PRE_EXERCISE_G_PER_KG)
        result.step(
            f"Before ({span(PRE_EXERCISE_HOURS_AHEAD, 'h')} ahead) = {span(PRE_EXERCISE_G_PER_KG, 'g/kg')} × "
            f"{number(weight)} kg = {span((pre_low, pre_high), 'g', 0)}"
        )
    else:
        pre_low = pre_high = 0.0
        result.step(
            "Before: no specific carbohydrate load is advised for sessions of "
            f"{number(PRE_EXERCISE_MIN_DURATION_MIN)} min or less"
        )
    result.values.update(pre_exercise_g_min=pre_low, pre_exercise_g_max=pre_high)

    per_kg_low, per_kg_high = DAILY_G_PER_KG[inputs.training_level]
    result.values.update(daily_g_min=per_kg_low * weight, daily_g_max=per_kg_high * weight)
    result.step(
        f"Daily ({TRAINING_WORDS[inputs.training_level]} load) = {span((per_kg_low, per_kg_high), 'g/kg')} "
        f"× {number(weight)} kg = {span((per_kg_low * weight, per_kg_high * weight), 'g', 0)}"
    )

    rec_low, rec_high = (rate * weight for rate in RECOVERY_G_PER_KG_PER_H)
    result.values.update(recovery_g_per_h_min=rec_low, recovery_g_per_h_max=rec_high)
    result.step(
        f"Fast recovery (under {number(RECOVERY_GAP_MAX_H)} h to the next session) = "
        f"{span(RECOVERY_G_PER_KG_PER_H, 'g/kg/h')} × {number(weight)} kg = {span((rec_low, rec_high), 'g/h', 0)} "
        f"for the first {number(RECOVERY_HOURS)} h"
    )
    result.cite(THOMAS_2016, ARTICLE)
    if minutes > GLYCOGEN_RISK_DURATION_MIN:
        result.warn(
            "glycogen_risk",
            f"At {number(minutes)} minutes, glycogen stores can run low and legs may feel weak: eat "
            "carbohydrate before and take some during the session.",
            "duration_min",
        )
    return result


def _during_band(minutes: float) -> tuple[tuple[float, float], str]:
    """The band's g/h range and its advice in words, with the band's own edges ("60–150 min")."""
    lower = 0.0
    for upper, inclusive, rate, advice in DURING_BANDS:
        if minutes < upper or (inclusive and minutes == upper):
            return rate, ": ".join(filter(None, (_band_edges(lower, upper, inclusive), advice)))
        lower = upper
    raise AssertionError("the last band is unbounded")


def _band_edges(lower: float, upper: float, inclusive: bool) -> str:
    if lower == 0:
        return f"under {number(upper)} min"
    if upper == float("inf"):
        return f"over {number(lower)} min"
    return (
        f"{number(lower)}–{number(upper)} min"
        if inclusive
        else f"{number(lower)} to under {number(upper)} min"
    )


CALCULATOR = Calculator(
    name="fueling",
    title="Fuelling: carbohydrate for glycogen",
    summary="Carbohydrate before, during and after a session, and day to day, for your weight and training.",
    inputs=FuelingInputs,
    outputs=OUTPUTS,
    sources=(THOMAS_2016, ARTICLE),
    order=30,
    formula=compute,
)
