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
from .fields import Choice, Output, Quantity
from .formatting import number, quantity, span
from .presentation import Compare, Group, Presentation, Range
from .result import Result
from .shared_fields import BODY_WEIGHT_KG, SESSION_DURATION_MIN
from .sources import ACE_ARTICLE, IOM_2004, MCDERMOTT_2017, SAWKA_2007, THOMAS_2016, VALTIN_2002
from .units import KG_PER_LB, ML_PER_US_FL_OZ, UNITS

ARTICLE_PRE_EXERCISE_FL_OZ = 8.0  # ACE, as quoted by the article
ARTICLE_REPLACE_FL_OZ_PER_LB = 8.0  # ACE, as quoted by the article
ARTICLE_DAILY_FL_OZ_PER_LB = 0.5  # "half of your body weight in fluid ounces"
SAWKA_2007_PRE_ML_PER_KG = (5.0, 7.0)  # at least 4 h before exercise
THOMAS_2016_REPLACE_L_PER_KG = (1.25, 1.5)  # 125–150 % of the deficit
SAWKA_2007_MAX_LOSS_PCT = 2.0  # avoid losing more than 2 % of body mass
#: IOM 2004 adequate intake of total water (food and drink), adults 19–30, and the ~80 % of it from drinks.
IOM_2004_TOTAL_WATER_L = {"female": 2.7, "male": 3.7}
IOM_2004_DRINKS_L = {"female": 2.2, "male": 3.0}
_SEX_WORDS = {"female": "women", "male": "men"}
L_PER_KG_SWEAT = 1.0  # 1 kg of body mass lost ≈ 1 L of sweat (McDermott 2017)
ML_PER_L = 1000.0


@dataclass(frozen=True, kw_only=True)
class HydrationInputs:
    """Body weight for the daily and pre-exercise advice; an optional weighed session for sweat loss."""

    weight_kg: Annotated[
        float,
        replace(BODY_WEIGHT_KG, help="Your usual body weight."),
    ]
    sex: Annotated[
        str | None,
        Choice(
            label="Sex",
            help="Optional: the Institute of Medicine's daily water figures differ for women and men.",
            options=(("female", "Female"), ("male", "Male")),
            required=False,
        ),
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
    Output(key="iom_drinks_ml", label="Daily drinks, IOM adequate intake", unit="ml"),
    Output(key="iom_total_water_ml", label="Daily water from food and drink, IOM", unit="ml"),
    Output(key="pre_exercise_article_ml", label="Before exercise (article)", unit="ml"),
    Output(
        key="pre_exercise_guideline_ml_min", label="Before exercise, ACSM (at least 4 h before)", unit="ml"
    ),
    Output(
        key="pre_exercise_guideline_ml_max", label="Before exercise, ACSM (at least 4 h before)", unit="ml"
    ),
    Output(key="body_mass_loss_kg", label="Body mass lost", unit="kg", precision=2),
    Output(key="body_mass_loss_pct", label="Body mass lost, % of body weight", unit="pct", precision=1),
    Output(key="sweat_rate_l_per_h", label="Sweat rate", unit="l_per_h", precision=2),
    Output(key="replace_article_ml", label="To drink after (article)", unit="ml"),
    Output(key="replace_guideline_ml_min", label="For a fast recovery (guideline)", unit="ml"),
    Output(key="replace_guideline_ml_max", label="For a fast recovery (guideline)", unit="ml"),
)

PRESENTATION = Presentation(
    headline=Compare(
        "To drink before exercise",
        article="pre_exercise_article_ml",
        guideline=Range("pre_exercise_guideline_ml", ""),
        article_label="The article (ACE)",
        guideline_label=f"ACSM: {span(SAWKA_2007_PRE_ML_PER_KG, 'mL')} per kg, 4 h before",
    ),
    groups=(
        Group(
            "Every day",
            (
                Compare(
                    "Daily fluid",
                    article="daily_fluid_ml",
                    guideline="iom_drinks_ml",
                    article_label="The article: half your weight (lb) in fl oz",
                    guideline_label="IOM 2004: drinks (adequate intake)",
                ),
                "iom_total_water_ml",
            ),
        ),
        Group("This session", ("sweat_rate_l_per_h", "body_mass_loss_kg", "body_mass_loss_pct")),
        Group(
            "After this session",
            (
                Compare(
                    "To drink after",
                    article="replace_article_ml",
                    guideline=Range("replace_guideline_ml", ""),
                    article_label=f"The article: {number(ARTICLE_REPLACE_FL_OZ_PER_LB)} fl oz per lb lost",
                    guideline_label="Fast recovery (a second session the same day): "
                    f"{span(tuple(rate * 100 for rate in THOMAS_2016_REPLACE_L_PER_KG), '%', 0)}",
                ),
            ),
        ),
    ),
    unlock={
        "daily_fluid_ml": "Choose your sex to see the article's daily rule beside the Institute of Medicine's "
        "adequate intake.",
        "sweat_rate_l_per_h": "Weigh yourself before and after a session, and enter how long it lasted, to see "
        "your sweat rate and what to drink after.",
    },
)


def compute(inputs: HydrationInputs, result: Result) -> Result:
    """Article rules beside the guidelines; with a weighed session, loss, sweat rate and what to drink after.

    Notes
    -----
    Daily (article) = W[lb] × 0.5 fl oz; IOM 2004 adequate intake 3.7 L (men) / 2.7 L (women) of total water,
    about 3.0 / 2.2 L of it from drinks. Before (ACSM) = 5–7 mL/kg. Sweat rate = (pre − post + drunk − urine) ÷ h,
    1 kg ≈ 1 L. After: article 8 fl oz per lb lost; fast recovery 1.25–1.5 L per kg lost (Thomas 2016).
    """
    weight_lb = inputs.weight_kg / KG_PER_LB
    daily_ml = weight_lb * ARTICLE_DAILY_FL_OZ_PER_LB * ML_PER_US_FL_OZ
    result.step(
        f"Daily fluid (article) = {number(weight_lb)} lb × {number(ARTICLE_DAILY_FL_OZ_PER_LB, 2)} fl oz/lb = "
        f"{number(weight_lb * ARTICLE_DAILY_FL_OZ_PER_LB)} fl oz = {quantity(daily_ml, 'mL')}"
        + (
            ""
            if inputs.sex
            else " (no scientific source, Valtin 2002); choose your sex to see the IOM 2004 adequate intake beside it"
        )
    )
    if inputs.sex is not None:
        total_l, drinks_l = IOM_2004_TOTAL_WATER_L[inputs.sex], IOM_2004_DRINKS_L[inputs.sex]
        result.values.update(
            daily_fluid_ml=daily_ml, iom_total_water_ml=total_l * ML_PER_L, iom_drinks_ml=drinks_l * ML_PER_L
        )
        result.step(
            f"Daily water (IOM 2004, {_SEX_WORDS[inputs.sex]} 19–30): {result.amount(total_l, 'l')} from food and "
            f"drink, about {result.amount(drinks_l, 'l')} of it from drinks. The article's rule has no scientific "
            "source (Valtin 2002)"
        )
        result.cite(IOM_2004)
    pre_article_ml = ARTICLE_PRE_EXERCISE_FL_OZ * ML_PER_US_FL_OZ
    result.values["pre_exercise_article_ml"] = pre_article_ml
    result.step(
        f"Before exercise (article) = {number(ARTICLE_PRE_EXERCISE_FL_OZ)} fl oz = {quantity(pre_article_ml, 'mL')}"
    )
    low, high = (rate * inputs.weight_kg for rate in SAWKA_2007_PRE_ML_PER_KG)
    result.values["pre_exercise_guideline_ml_min"] = low
    result.values["pre_exercise_guideline_ml_max"] = high
    result.step(
        f"Before exercise (ACSM) = {span(SAWKA_2007_PRE_ML_PER_KG, 'mL/kg')} × {result.amount(inputs.weight_kg, 'kg')} "
        f"= {result.amounts((low, high), 'ml', 0)}, at least 4 hours before"
    )
    result.cite(ACE_ARTICLE, VALTIN_2002, SAWKA_2007)
    if inputs.pre_exercise_weight_kg is not None and inputs.post_exercise_weight_kg is not None:
        _session(inputs, result)
    result.chart(
        _replacement_chart(inputs, result)
        if result.values.get("body_mass_loss_kg")
        else _before_chart(result)
    )
    return result


def _before_chart(result: Result) -> dict:
    """Before exercise: the article's 8 fl oz beside ACSM's 5–7 mL/kg, in the reader's units."""
    unit = UNITS[result.reader_unit("ml")].symbol
    article = result.in_reader_unit(result.values["pre_exercise_article_ml"], "ml")
    low = result.in_reader_unit(result.values["pre_exercise_guideline_ml_min"], "ml")
    high = result.in_reader_unit(result.values["pre_exercise_guideline_ml_max"], "ml")
    return {
        "kind": "bars",
        "title": "What to drink before exercise",
        "desc": f"The article says {number(article, 0)} {unit}; the ACSM says {span((low, high), unit, 0)} for your "
        "weight, at least 4 hours before.",
        "categories": ["The article (ACE)", "ACSM, lower end", "ACSM, upper end"],
        "y": {"label": "To drink", "unit": unit, "min": 0},
        "series": [{"id": "before", "label": unit, "role": "primary", "values": [article, low, high]}],
        "caption": "Weigh yourself before and after a session to compare what you lost with what each rule replaces.",
    }


def _replacement_chart(inputs: HydrationInputs, result: Result) -> dict:
    """The session's loss against the 2 % line, and how much of it the article's and the guideline's advice
    replace, side by side (in the reader's units)."""
    unit = UNITS[result.reader_unit("ml")].symbol
    lost_ml = result.values["body_mass_loss_kg"] * L_PER_KG_SWEAT * ML_PER_L
    two_pct_ml = (
        (inputs.pre_exercise_weight_kg or 0) * SAWKA_2007_MAX_LOSS_PCT / 100 * L_PER_KG_SWEAT * ML_PER_L
    )
    shown = [result.in_reader_unit(v, "ml") for v in (
        lost_ml, result.values["replace_article_ml"], result.values["replace_guideline_ml_min"],
        result.values["replace_guideline_ml_max"])]  # fmt: skip
    return {
        "kind": "bars",
        "title": "Fluid lost and what each rule replaces",
        "desc": f"You lost about {number(shown[0], 0)} {unit}; the article's rule replaces {number(shown[1], 0)} "
        f"{unit} (about {number(result.values['replace_article_ml'] / lost_ml * 100, 0)} %), fast recovery asks "
        f"{span((shown[2], shown[3]), unit, 0)}.",
        "categories": ["Fluid lost", "The article", "Fast recovery, 125 %", "Fast recovery, 150 %"],
        "y": {"label": "Fluid", "unit": unit, "min": 0},
        "series": [{"id": "fluid", "label": unit, "role": "primary", "values": shown}],
        "markers": [
            {
                "axis": "y",
                "at": result.in_reader_unit(two_pct_ml, "ml"),
                "label": f"{number(SAWKA_2007_MAX_LOSS_PCT)} % of your weight",
                "role": "caution",
            }
        ],
        "caption": "Fast recovery is for a second session the same day; otherwise normal meals and drinks restore "
        "water balance (ACSM).",
    }


def _session(inputs: HydrationInputs, result: Result) -> None:
    pre, post = inputs.pre_exercise_weight_kg, inputs.post_exercise_weight_kg
    assert pre is not None and post is not None and inputs.duration_min is not None
    result.cite(MCDERMOTT_2017)
    change_kg = pre - post
    hours = inputs.duration_min / 60
    sweat_l = change_kg * L_PER_KG_SWEAT + (inputs.fluid_drunk_ml - inputs.urine_ml) / ML_PER_L
    sweat_rate = sweat_l / hours
    sweat_step = (
        f"Sweat rate = ({result.amount(change_kg, 'kg', 2)} × {number(L_PER_KG_SWEAT, 2)} L/kg + "
        f"{result.amount(inputs.fluid_drunk_ml / ML_PER_L, 'l', 3)} drunk − "
        f"{result.amount(inputs.urine_ml / ML_PER_L, 'l', 3)} urine) "
        f"÷ {number(hours, 2)} h"
    )
    if sweat_rate > 0:
        result.values["sweat_rate_l_per_h"] = sweat_rate
        result.step(f"{sweat_step} = {result.amount(sweat_rate, 'l_per_h', 2)}")
    else:
        result.step(f"{sweat_step}: not above zero, so no sweat rate is shown")
        result.warn(
            "sweat_rate_not_positive",
            "These entries add up to no sweat at all (weight lost + fluid drunk − urine is not above zero), which "
            "cannot be: check that the fluid drunk counts everything you drank between the weighings, the urine "
            "amount, and both weights (same scale, same clothing).",
            "urine_ml" if inputs.urine_ml > 0 else "fluid_drunk_ml",
        )
    if change_kg <= 0:
        _no_loss(-change_kg, result)
        return
    loss_pct = change_kg / pre * 100
    result.values.update(body_mass_loss_kg=change_kg, body_mass_loss_pct=loss_pct)
    result.step(
        f"Body mass lost = {result.amount(pre, 'kg', 2)} − {result.amount(post, 'kg', 2)} = "
        f"{result.amount(change_kg, 'kg', 2)} = {number(loss_pct, 1)} % of your weight before"
    )
    article_ml = change_kg / KG_PER_LB * ARTICLE_REPLACE_FL_OZ_PER_LB * ML_PER_US_FL_OZ
    low, high = (rate * change_kg * ML_PER_L for rate in THOMAS_2016_REPLACE_L_PER_KG)
    result.values.update(
        replace_article_ml=article_ml, replace_guideline_ml_min=low, replace_guideline_ml_max=high
    )
    result.step(
        f"To drink after (article) = {number(ARTICLE_REPLACE_FL_OZ_PER_LB)} fl oz/lb × "
        f"{number(change_kg / KG_PER_LB, 2)} lb lost = {result.amount(article_ml, 'ml', 0)}"
    )
    result.step(
        "After exercise, when time permits, normal meals and drinks restore water balance (ACSM). For a fast "
        f"recovery, such as a second session the same day: {span(THOMAS_2016_REPLACE_L_PER_KG, 'L/kg', 2)} × "
        f"{result.amount(change_kg, 'kg', 2)} lost = {result.amounts((low, high), 'ml', 0)}"
    )
    result.cite(THOMAS_2016)
    if loss_pct > SAWKA_2007_MAX_LOSS_PCT:
        result.warn(
            "dehydration_over_2pct",
            f"You lost {number(loss_pct, 1)} % of your body mass; losses over {number(SAWKA_2007_MAX_LOSS_PCT)} % "
            "impair performance (ACSM). Drink more during sessions like this one.",
            "post_exercise_weight_kg",
        )


def _no_loss(gain_kg: float, result: Result) -> None:
    """McDermott 2017: weighing the same or more after exercise means as much or more was drunk than sweated:
    nothing was lost, so nothing is to be replaced; a gain warns of over-drinking (hyponatremia)."""
    result.step(
        f"Weight after − weight before = {number(gain_kg, 2)} kg: no body mass was lost, so there is nothing to "
        "replace"
    )
    if gain_kg > 0:
        result.warn(
            "weight_gain",
            f"You weighed {number(gain_kg, 2)} kg more after exercise than before: you drank more than you sweated. "
            "Over-drinking can cause exercise-associated hyponatremia (low blood sodium), a danger in long events: "
            "drink to thirst, and no more than you lose.",
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


CALCULATOR = Calculator(
    name="hydration",
    title="Water loss: how much to drink",
    summary="Daily fluid and pre-exercise drinking, and what a weighed session says about sweat and replacement.",
    inputs=HydrationInputs,
    outputs=OUTPUTS,
    sources=(ACE_ARTICLE, VALTIN_2002, IOM_2004, SAWKA_2007, THOMAS_2016, MCDERMOTT_2017),
    presentation=PRESENTATION,
    order=20,
    formula=compute,
    cross_checks=_cross_checks,
)
