"""Low glycogen stores: carbohydrate before, during and after exercise, and day to day.

The article says glycogen runs low past 60 minutes or at high intensity; the amounts come from the joint
ACSM / Academy of Nutrition and Dietetics / Dietitians of Canada position (Thomas, Erdman & Burke 2016).
The guideline's duration bands overlap at their edges; our tie-breaks: under 45 min none; 45 to under 60 min
small amounts or a mouth rinse (words, no g/h figure); 60 to 150 min inclusive 30–60 g/h; over 150 min
60–90 g/h. The 60-minute edge is one rule for every output: from 60 min on, carbohydrate during, a load before,
and the glycogen warning all apply together. Fast recovery is shown only when the next session is under 8 h away.

References
----------
Thomas DT, Erdman KA, Burke LM (2016). American College of Sports Medicine joint position statement: nutrition
and athletic performance. Med Sci Sports Exerc 48:543–568. doi:10.1249/MSS.0000000000000852
Murray B, Rosenbloom C (2018). Fundamentals of glycogen metabolism for coaches and athletes. Nutr Rev 76:243–259.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from .calculator import Calculator
from .fields import Choice, Flag, Output
from .formatting import number, span
from .presentation import Group, Presentation, Range
from .result import Result
from .shared_fields import BODY_WEIGHT_KG, SESSION_DURATION_MIN
from .sources import ARTICLE, MURRAY_ROSENBLOOM_2018, THOMAS_2016

LONG_SESSION_MIN = 60.0  # one edge for every output: the article's "past 60 minutes", Thomas 2016's 1 h band
#: Thomas et al. 2016, during exercise: (upper duration bound in min, bound inclusive?, g/h range or None, advice).
DURING_BANDS = (
    (45.0, False, None, "none"),
    (LONG_SESSION_MIN, False, None, "small"),
    (150.0, True, (30.0, 60.0), "per_hour"),
    (float("inf"), True, (60.0, 90.0), "per_hour_mixed"),
)
ADVICE_OPTIONS = (
    ("none", "None needed"),
    ("small", "Small amounts, or a carbohydrate mouth rinse"),
    ("per_hour", "Carbohydrate every hour"),
    ("per_hour_mixed", "Carbohydrate every hour, from several kinds (glucose and fructose)"),
)
PRE_EXERCISE_G_PER_KG = (1.0, 4.0)  # 1–4 h before sessions of 60 min or more
PRE_EXERCISE_HOURS_AHEAD = (1.0, 4.0)
DAILY_G_PER_KG = {
    "light": (3.0, 5.0),
    "moderate": (5.0, 7.0),
    "high": (6.0, 10.0),
    "very_high": (8.0, 12.0),
}
RECOVERY_G_PER_KG_PER_H = (1.0, 1.2)  # first 4 h, only when under 8 h separate two sessions
RECOVERY_HOURS = 4.0
RECOVERY_GAP_MAX_H = 8.0
#: Murray & Rosenbloom 2018: roughly 300–500 g of glycogen in muscle and about 100 g in the liver of an adult.
MUSCLE_GLYCOGEN_G = (300.0, 500.0)
LIVER_GLYCOGEN_G = 100.0
CHART_MAX_MIN = 240.0
TRAINING_OPTIONS = (
    ("light", "Light (low intensity or skill-based)"),
    ("moderate", "Moderate (about 1 hour a day)"),
    ("high", "High (1–3 hours a day, moderate to high intensity)"),
    ("very_high", "Very high (over 4–5 hours a day)"),
)
TRAINING_WORDS = {value: label.split(" (")[0].lower() for value, label in TRAINING_OPTIONS}


@dataclass(frozen=True, kw_only=True)
class FuelingInputs:
    """Body weight, the session's length, the usual training load and whether another session follows soon."""

    weight_kg: Annotated[float, BODY_WEIGHT_KG]
    duration_min: Annotated[float, SESSION_DURATION_MIN]
    training_level: Annotated[
        str,
        Choice(
            label="Training load",
            help="Your usual daily training, which sets the daily carbohydrate range.",
            options=TRAINING_OPTIONS,
            default="moderate",
        ),
    ]
    next_session_soon: Annotated[
        bool,
        Flag(
            label=f"Next session less than {number(RECOVERY_GAP_MAX_H)} hours away",
            help="Another hard session later today or early tomorrow: then fast recovery matters.",
            default=False,
        ),
    ]


OUTPUTS = (
    Output(key="during_advice", label="During the session", kind="choice", options=ADVICE_OPTIONS),
    Output(key="during_g_per_h_min", label="Carbohydrate per hour", unit="g_per_h"),
    Output(key="during_g_per_h_max", label="Carbohydrate per hour", unit="g_per_h"),
    Output(key="during_total_g_min", label="Over the whole session", unit="g"),
    Output(key="during_total_g_max", label="Over the whole session", unit="g"),
    Output(key="pre_exercise_g_min", label="1–4 h before", unit="g"),
    Output(key="pre_exercise_g_max", label="1–4 h before", unit="g"),
    Output(key="daily_g_min", label="Each day", unit="g_per_day"),
    Output(key="daily_g_max", label="Each day", unit="g_per_day"),
    Output(key="recovery_g_per_h_min", label="Fast recovery, first 4 h", unit="g_per_h"),
    Output(key="recovery_g_per_h_max", label="Fast recovery, first 4 h", unit="g_per_h"),
)

PRESENTATION = Presentation(
    headline="during_advice",
    groups=(
        Group(
            "This session",
            (
                Range("during_g_per_h", "Carbohydrate per hour"),
                Range("during_total_g", "Over the whole session"),
                Range("pre_exercise_g", f"Before: {span(PRE_EXERCISE_HOURS_AHEAD, 'h')} ahead"),
            ),
        ),
        Group(
            "Day to day",
            (
                Range("daily_g", "Each day"),
                Range("recovery_g_per_h", f"Fast recovery, first {number(RECOVERY_HOURS)} h"),
            ),
        ),
    ),
    unlock={
        "during_g_per_h": f"Sessions of {number(LONG_SESSION_MIN)} minutes or more need carbohydrate every hour "
        "and a meal before.",
        "recovery_g_per_h": f"Tick “next session less than {number(RECOVERY_GAP_MAX_H)} hours away” to see the "
        "fast-recovery amount.",
    },
)


def compute(inputs: FuelingInputs, result: Result) -> Result:
    """Carbohydrate ranges scaled by body weight and the session's duration band (Thomas et al. 2016), with one
    60-minute edge for every output.

    Notes
    -----
    During: < 45 min none; 45 to < 60 small amounts or a mouth rinse; 60–150 min 30–60 g/h; > 150 min 60–90 g/h.
    Before (sessions of 60 min or more): 1–4 g/kg, 1–4 h ahead. Daily: g/kg by training load. Fast recovery
    (next session < 8 h away): 1.0–1.2 g/kg/h for the first 4 h.
    """
    weight, minutes = inputs.weight_kg, inputs.duration_min
    rate, advice, edges = _during_band(minutes)
    result.values["during_advice"] = advice
    words = dict(ADVICE_OPTIONS)[advice].lower()
    if rate is None:
        result.step(f"During a {number(minutes)}-min session ({edges}): {words}")
    else:
        hours = minutes / 60
        (low, high), (total_low, total_high) = rate, (rate[0] * hours, rate[1] * hours)
        result.values.update(during_g_per_h_min=low, during_g_per_h_max=high)
        result.values.update(during_total_g_min=total_low, during_total_g_max=total_high)
        result.step(f"During a {number(minutes)}-min session ({edges}): {words}, {span(rate, 'g/h', 0)}")
        result.step(
            f"Whole session = {span(rate, 'g/h', 0)} × {number(hours, 2)} h = "
            f"{span((total_low, total_high), 'g', 0)}"
        )

    if minutes >= LONG_SESSION_MIN:
        pre_low, pre_high = (per_kg * weight for per_kg in PRE_EXERCISE_G_PER_KG)
        result.values.update(pre_exercise_g_min=pre_low, pre_exercise_g_max=pre_high)
        result.step(
            f"Before ({span(PRE_EXERCISE_HOURS_AHEAD, 'h')} ahead, for sessions of {number(LONG_SESSION_MIN)} min or "
            f"more) = {span(PRE_EXERCISE_G_PER_KG, 'g/kg')} × {result.amount(weight, 'kg')} = {span((pre_low, pre_high), 'g', 0)}"
        )
        result.warn(
            "glycogen_risk",
            f"At {number(minutes)} minutes, glycogen stores (roughly {span(MUSCLE_GLYCOGEN_G, 'g')} in muscle and "
            f"about {number(LIVER_GLYCOGEN_G)} g in the liver) can run low and legs may feel weak: eat carbohydrate "
            "before and take some during the session.",
            "duration_min",
        )
        result.cite(MURRAY_ROSENBLOOM_2018)
    else:
        result.step(
            "Before: no specific carbohydrate load is advised for sessions under "
            f"{number(LONG_SESSION_MIN)} min; a usual meal is enough"
        )

    per_kg_low, per_kg_high = DAILY_G_PER_KG[inputs.training_level]
    result.values.update(daily_g_min=per_kg_low * weight, daily_g_max=per_kg_high * weight)
    result.step(
        f"Daily ({TRAINING_WORDS[inputs.training_level]} load) = {span((per_kg_low, per_kg_high), 'g/kg')} "
        f"× {result.amount(weight, 'kg')} = {span((per_kg_low * weight, per_kg_high * weight), 'g', 0)}"
    )

    if inputs.next_session_soon:
        rec_low, rec_high = (per_kg * weight for per_kg in RECOVERY_G_PER_KG_PER_H)
        result.values.update(recovery_g_per_h_min=rec_low, recovery_g_per_h_max=rec_high)
        result.step(
            f"Fast recovery (next session under {number(RECOVERY_GAP_MAX_H)} h away) = "
            f"{span(RECOVERY_G_PER_KG_PER_H, 'g/kg/h')} × {result.amount(weight, 'kg')} = "
            f"{span((rec_low, rec_high), 'g/h', 0)} "
            f"for the first {number(RECOVERY_HOURS)} h"
        )
    result.cite(THOMAS_2016, ARTICLE)
    result.chart(_bands_chart(minutes))
    return result


def _bands_chart(minutes: float) -> dict:
    """Carbohydrate per hour across session lengths (Thomas 2016's bands, our cut-offs), the reader's marked."""
    top = max(CHART_MAX_MIN, minutes)
    lower, low_points, high_points, bands = 0.0, [], [], []
    for upper, _inclusive, rate, advice in DURING_BANDS:
        end = min(upper, top)
        low, high = rate or (0.0, 0.0)
        low_points += [[lower, low], [end, low]]
        high_points += [[lower, high], [end, high]]
        words = dict(ADVICE_OPTIONS)[advice] if rate is None else span(rate, "g/h", 0)
        bands.append({"axis": "x", "from": lower, "to": end, "label": words, "role": "neutral"})
        lower = upper
        if upper >= top:
            break
    rate, advice, edges = _during_band(minutes)
    takeaway = dict(ADVICE_OPTIONS)[advice] if rate is None else span(rate, "g/h", 0)
    return {
        "kind": "xy",
        "title": "Carbohydrate per hour, by session length",
        "desc": f"A {number(minutes)}-minute session falls in the {edges} band: {takeaway.lower()}.",
        "x": {"label": "Session length", "unit": "min", "min": 0, "max": top},
        "y": {"label": "Carbohydrate", "unit": "g/h", "min": 0},
        "series": [
            {"id": "low", "label": "Lower end", "type": "step", "role": "guideline", "points": low_points},
            {"id": "high", "label": "Upper end", "type": "step", "role": "secondary", "points": high_points},
        ],
        "bands": bands,
        "markers": [{"axis": "x", "at": minutes, "label": "Your session", "role": "reader"}],
        "caption": "Thomas, Erdman & Burke 2016; where the statement's bands overlap, the cut-offs at 45, 60 and "
        "150 minutes are ours.",
    }


def _during_band(minutes: float) -> tuple[tuple[float, float] | None, str, str]:
    """The band's g/h range (None for words only), its advice code and its edges in words ("60–150 min")."""
    lower = 0.0
    for upper, inclusive, rate, advice in DURING_BANDS:
        if minutes < upper or (inclusive and minutes == upper):
            return rate, advice, _band_edges(lower, upper, inclusive)
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
    sources=(THOMAS_2016, MURRAY_ROSENBLOOM_2018, ARTICLE),
    presentation=PRESENTATION,
    order=30,
    formula=compute,
)
