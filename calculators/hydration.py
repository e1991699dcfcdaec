"""Water loss: daily fluid, drinking before exercise, and replacing what a session's sweat took.

Shows the article's rules (American Council on Exercise, as quoted) beside the ACSM guidelines, because the two
disagree and the difference is part of what the page teaches: 8 fl oz per pound lost replaces only about half of
the loss that Thomas et al. (2016) advise replacing.

References
----------
Sawka MN, Burke LM, Eichner ER, et al. (2007). ACSM position stand: exercise and fluid replacement.
Med Sci Sports Exerc 39:377–390. doi:10.1249/mss.0b013e31802ca597
Thomas DT, Erdman KA, Burke LM (2016). Position of the Academy of Nutrition and Dietetics, Dietitians of Canada,
and the ACSM: nutrition and athletic performance. Med Sci Sports Exerc 48:543–568.
McDermott BP, Anderson SA, Armstrong LE, et al. (2017). NATA position statement: fluid replacement for the
physically active. J Athl Train 52:877–895.
Valtin H (2002). "Drink at least eight glasses of water a day." Really? Am J Physiol 283:R993–R1004.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated

from .calculator import Calculator
from .fields import Output, Quantity
from .formatting import number, quantity, span
from .result import Result
from .shared_fields import BODY_WEIGHT_KG, SESSION_DURATION_MIN
from .sources import ACE_ARTICLE, MCDERMOTT_2017, SAWKA_2007, THOMAS_2016, VALTIN_2002
from .units import KG_PER_LB, ML_PER_US_FL_OZ

ARTICLE_PRE_EXERCISE_FL_OZ = 8.0  # ACE, as quoted by the article
ARTICLE_REPLACE_FL_OZ_PER_LB = 8.0  # ACE, as quoted by the article
ARTICLE_DAILY_FL_OZ_PER_LB = 0.5  # "half of your body weight in fluid ounces"
SAWKA_2007_PRE_ML_PER_KG = (5.0, 7.0)  # at least 4 h before exercise
THOMAS_2016_REPLACE_L_PER_KG = (1.25, 1.5)  # 125–150 % of the deficit
SAWKA_2007_MAX_LOSS_PCT = 2.0  # avoid losing more than 2 % of body mass
L_PER_KG_SWEAT = 1.0  # 1 kg of body mass lost ≈ 1 L of sweat (McDermott 2017)
ML_PER_L = 1000.0


@dataclass(frozen=True, kw_only=True)
class HydrationInputs:
    """Body weight for the daily and pre-exercise advice; an optional weighed session for sweat loss."""

    weight_kg: Annotated[
        float,
        replace(BODY_WEIGHT_KG, help="Your usual body weight."),
    ]
    pre_exercise_weight_kg: Annotated[
        float | None,
        replace(
            BODY_WEIGHT_KG,
            label="Weight before exercise",
            help="Optional: weigh yourself just before a session, with little clothing.",
            default=None,
            required=False,
        ),
    ]
    post_exercise_weight_kg: Annotated[
        float | None,
        replace(
            BODY_WEIGHT_KG,
            label="Weight after exercise",
            help="Optional: weigh yourself right after, towelled dry, same clothing.",
            default=None,
            required=False,
        ),
    ]
    fluid_drunk_ml: Annotated[
        float,
        Quantity(
            unit="ml",
            units=("ml", "l", "fl_oz"),
            label="Fluid drunk during the session",
            help="Everything you drank between the two weighings.",
            min=0,
            max=10000,
            step=10,
            default=0,
            required=False,
        ),
    ]
    urine_ml: Annotated[
        float,
        Quantity(
            unit="ml",
            units=("ml", "l", "fl_oz"),
            label="Urine passed during the session",
            help="Between the two weighings; 0 if none.",
            min=0,
            max=5000,
            step=10,
            default=0,
            required=False,
        ),
    ]
    duration_min: Annotated[
        float | None,
        replace(
            SESSION_DURATION_MIN,
            help="Time between the two weighings; needed for the sweat rate.",
            default=None,
            required=False,
        ),
    ]


OUTPUTS = (
    Output(
        key="daily_fluid_ml",
        label="Daily fluid (article's rule)",
        unit="ml",
        help="Half your weight (lb) in fl oz.",
    ),
    Output(key="pre_exercise_article_ml", label="Before exercise (article)", unit="ml"),
    Output(key="pre_exercise_guideline_ml_min", label="Before exercise, ACSM (from)", unit="ml"),
    Output(key="pre_exercise_guideline_ml_max", label="Before exercise, ACSM (to)", unit="ml"),
    Output(key="body_mass_loss_kg", label="Body mass lost", unit="kg", precision=2),
    Output(key="body_mass_loss_pct", label="Body mass lost", unit="pct", precision=1),
    Output(key="sweat_rate_l_per_h", label="Sweat rate", unit="l_per_h", precision=2),
    Output(key="replace_article_ml", label="To drink after (article)", unit="ml"),
    Output(key="replace_guideline_ml_min", label="To drink after, guideline (from)", unit="ml"),
    Output(key="replace_guideline_ml_max", label="To drink after, guideline (to)", unit="ml"),
)


def compute(inputs: HydrationInputs) -> Result:
    """Article rules and guideline ranges; with a weighed session, loss, sweat rate and what to drink.

    Notes
    -----
    Daily (article) = W[lb] ÷ 2 fl oz. Before (ACSM) = 5–7 mL/kg. Sweat rate = (pre − post + drunk − urine) ÷ h,
    1 kg ≈ 1 L. After: article 8 fl oz per lb lost; guideline 1.25–1.5 L per kg lost.
    """
    result = Result()
    weight_lb = inputs.weight_kg / KG_PER_LB
    daily_ml = weight_lb * ARTICLE_DAILY_FL_OZ_PER_LB * ML_PER_US_FL_OZ
    result.values["daily_fluid_ml"] = daily_ml
    result.step(
        f"Daily fluid (article) = {number(weight_lb)} lb × {number(ARTICLE_DAILY_FL_OZ_PER_LB, 2)} fl oz/lb = "
        f"{number(weight_lb * ARTICLE_DAILY_FL_OZ_PER_LB)} fl oz = {_ml(daily_ml)}"
    )
    pre_article_ml = ARTICLE_PRE_EXERCISE_FL_OZ * ML_PER_US_FL_OZ
    result.values["pre_exercise_article_ml"] = pre_article_ml
    result.step(
        f"Before exercise (article) = {number(ARTICLE_PRE_EXERCISE_FL_OZ)} fl oz = {_ml(pre_article_ml)}"
    )
    low, high = (rate * inputs.weight_kg for rate in SAWKA_2007_PRE_ML_PER_KG)
    result.values["pre_exercise_guideline_ml_min"] = low
    result.values["pre_exercise_guideline_ml_max"] = high
    result.step(
        f"Before exercise (ACSM) = {span(SAWKA_2007_PRE_ML_PER_KG, 'mL/kg')} × {number(inputs.weight_kg)} kg = "
        f"{span((low, high), 'mL', 0)}, "
        "at least 4 hours before"
    )
    result.cite(ACE_ARTICLE, VALTIN_2002, SAWKA_2007)
    if inputs.pre_exercise_weight_kg is not None and inputs.post_exercise_weight_kg is not None:
        _session(inputs, result)
    return result


def _session(inputs: HydrationInputs, result: Result) -> None:
    pre, post = inputs.pre_exercise_weight_kg, inputs.post_exercise_weight_kg
    assert pre is not None and post is not None and inputs.duration_min is not None
    loss_kg = pre - post
    loss_pct = loss_kg / pre * 100
    hours = inputs.duration_min / 60
    sweat_l = loss_kg * L_PER_KG_SWEAT + (inputs.fluid_drunk_ml - inputs.urine_ml) / ML_PER_L
    sweat_rate = sweat_l / hours
    result.values.update(
        body_mass_loss_kg=loss_kg, body_mass_loss_pct=loss_pct, sweat_rate_l_per_h=sweat_rate
    )
    result.step(
        f"Body mass lost = {number(pre, 2)} kg − {number(post, 2)} kg = {number(loss_kg, 2)} kg "
        f"= {number(loss_pct, 2)} % of {number(pre, 2)} kg"
    )
    result.step(
        f"Sweat rate = ({number(loss_kg, 2)} kg × {number(L_PER_KG_SWEAT, 2)} L/kg + "
        f"{number(inputs.fluid_drunk_ml / ML_PER_L, 3)} L drunk − {number(inputs.urine_ml / ML_PER_L, 3)} L urine) "
        f"÷ {number(hours, 2)} h = {number(sweat_rate, 2)} L/h"
    )
    lost_kg = max(loss_kg, 0.0)
    article_ml = lost_kg / KG_PER_LB * ARTICLE_REPLACE_FL_OZ_PER_LB * ML_PER_US_FL_OZ
    low, high = (rate * lost_kg * ML_PER_L for rate in THOMAS_2016_REPLACE_L_PER_KG)
    result.values.update(
        replace_article_ml=article_ml, replace_guideline_ml_min=low, replace_guideline_ml_max=high
    )
    result.step(
        f"To drink after (article) = {number(ARTICLE_REPLACE_FL_OZ_PER_LB)} fl oz/lb × "
        f"{number(lost_kg / KG_PER_LB, 2)} lb lost = {_ml(article_ml)}"
    )
    result.step(
        f"To drink after (guideline) = {span(THOMAS_2016_REPLACE_L_PER_KG, 'L/kg', 2)} × "
        f"{number(lost_kg, 2)} kg lost = {span((low, high), 'mL', 0)}"
    )
    result.cite(THOMAS_2016, MCDERMOTT_2017)
    if loss_pct > SAWKA_2007_MAX_LOSS_PCT:
        result.warn(
            "dehydration_over_2pct",
            f"You lost {number(loss_pct, 1)} % of your body mass; losses over {number(SAWKA_2007_MAX_LOSS_PCT)} % "
            "impair performance (ACSM). "
            "Drink more during sessions like this one.",
            "post_exercise_weight_kg",
        )
    if loss_kg < 0:
        result.warn(
            "weight_gain",
            "You weighed more after exercise than before: you drank more than you sweated. Over-drinking can "
            "cause exercise-associated hyponatremia (low blood sodium); drink to thirst instead.",
            "post_exercise_weight_kg",
        )


def _cross_checks(values: dict) -> dict[str, str]:
    """A session needs both weighings and its duration; one weighing alone is an incomplete session."""
    pre, post = values["pre_exercise_weight_kg"], values["post_exercise_weight_kg"]
    problems = {}
    if post is not None and pre is None:
        problems["pre_exercise_weight_kg"] = (
            "Enter your weight before exercise too, or clear the weight after."
        )
    if pre is not None and post is None:
        problems["post_exercise_weight_kg"] = (
            "Enter your weight after exercise too, or clear the weight before."
        )
    if (pre is not None or post is not None) and values["duration_min"] is None:
        problems["duration_min"] = "Enter how long the session lasted, to work out the sweat rate."
    if pre is None and post is None:
        for key, what in (("fluid_drunk_ml", "Fluid drunk"), ("urine_ml", "Urine")):
            if values[key]:
                problems[key] = (
                    f"{what} counts only in a weighed session: enter your weight before and after."
                )
    return problems


def _ml(value: float) -> str:
    return quantity(value, "mL")


CALCULATOR = Calculator(
    name="hydration",
    title="Water loss: how much to drink",
    summary="Daily fluid and pre-exercise drinking, and what a weighed session says about sweat and replacement.",
    inputs=HydrationInputs,
    outputs=OUTPUTS,
    sources=(ACE_ARTICLE, VALTIN_2002, SAWKA_2007, THOMAS_2016, MCDERMOTT_2017),
    order=20,
    formula=compute,
    cross_checks=_cross_checks,
)
