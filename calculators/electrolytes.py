"""Electrolyte depletion: whether the article would suggest a sports drink, and what sweat takes away.

The article names three reasons to consider an electrolyte drink (any one is enough): exercising over 60
minutes, a very warm climate, or regular high-intensity work. Sweat losses are estimated from a sweat rate and
sweat concentrations (typical values from Lara 2016 and Baker 2017) and compared with a common drink label.

References
----------
Lara B, Gallo-Salazar C, Puente C, et al. (2016). Interindividual variability in sweat electrolyte
concentration in marathoners. J Int Soc Sports Nutr 13:31. doi:10.1186/s12970-016-0141-z
Baker LB (2017). Sweating rate and sweat sodium concentration in athletes: a review of methodology and
intra/interindividual variability. Sports Med 47(Suppl 1):111–128. doi:10.1007/s40279-017-0691-5
Sawka MN et al. (2007). ACSM position stand: exercise and fluid replacement. Med Sci Sports Exerc 39:377–390.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated

from .calculator import Calculator
from .fields import Flag, Output, Quantity
from .formatting import number, span
from .presentation import Group, Presentation
from .result import Result
from .shared_fields import SESSION_DURATION_MIN
from .sources import ARTICLE, BAKER_2017, HEW_BUTLER_2015, LARA_2016, SAWKA_2007, SCHWELLNUS_2009
from .units import MG_PER_MMOL_POTASSIUM, MG_PER_MMOL_SODIUM

DURATION_REASON_MIN = 60.0  # the article: "more than 60 minutes"
ACSM_DRINK_SODIUM_MMOL_PER_L = (20.0, 30.0)  # Sawka 2007: sodium in sports drinks; compared in whole mmol/L
REASONS = (
    ("long_session", f"The session lasts more than {number(DURATION_REASON_MIN)} minutes"),
    ("hot_climate", "You exercise in a very warm climate"),
    ("high_intensity", "You do high-intensity activity regularly"),
)


@dataclass(frozen=True, kw_only=True)
class ElectrolyteInputs:
    """The article's three questions, and the sweat figures behind the loss estimate."""

    duration_min: Annotated[
        float,
        replace(SESSION_DURATION_MIN, help="How long you exercise in one go.", default=75),
    ]
    hot_climate: Annotated[
        bool, Flag(label="Very warm climate", help="You live or train somewhere very warm.", default=False)
    ]
    high_intensity: Annotated[
        bool,
        Flag(
            label="Regular high-intensity work",
            help="Hard intervals or races on a regular basis.",
            default=False,
        ),
    ]
    sweat_rate_l_per_h: Annotated[
        float,
        Quantity(
            unit="l_per_h",
            units=("l_per_h", "ml_per_h", "fl_oz_per_h"),
            label="Sweat rate",
            help="About 1 L/h is common; the water-loss calculator measures yours.",
            min=0.1,
            max=5,
            step=0.05,
            default=1.0,
            required=False,
        ),
    ]
    sweat_sodium_mmol_per_l: Annotated[
        float,
        Quantity(
            unit="mmol_per_l",
            label="Sweat sodium",
            help="Typical 40 mmol/L; people range from about 10 to 90 (Lara 2016; Baker 2017).",
            min=5,
            max=150,
            step=1,
            default=40,
            required=False,
        ),
    ]
    sweat_potassium_mmol_per_l: Annotated[
        float,
        Quantity(
            unit="mmol_per_l",
            label="Sweat potassium",
            help="About 5 mmol/L (range 3–8).",
            min=1,
            max=20,
            step=0.5,
            default=5,
            required=False,
        ),
    ]
    drink_sodium_mg_per_l: Annotated[
        float,
        Quantity(
            unit="mg_per_l",
            label="Sodium in your drink",
            help="A common sports drink: 160 mg per 12 fl oz ≈ 451 mg/L.",
            min=1,
            max=5000,
            step=1,
            default=451,
            required=False,
        ),
    ]


OUTPUTS = (
    Output(key="recommend_drink", label="Consider an electrolyte drink (the article's rule)", kind="boolean"),
    Output(key="reasons", label="Because", kind="list", options=REASONS),
    Output(key="sweat_loss_l", label="Fluid lost in sweat", unit="l", precision=2),
    Output(key="sodium_loss_mg", label="Sodium lost in sweat", unit="mg"),
    Output(key="potassium_loss_mg", label="Potassium lost in sweat", unit="mg"),
    Output(
        key="drink_sodium_mg",
        label="Sodium your drink gives back",
        unit="mg",
        help="If you drink as much as you sweated, and no more.",
    ),
    Output(key="drink_sodium_pct", label="Share of the sodium lost", unit="pct"),
    Output(key="food_sodium_mg", label="Left for meals and salty food", unit="mg"),
)

PRESENTATION = Presentation(
    headline="sodium_loss_mg",
    groups=(
        Group("The article's advice", ("recommend_drink", "reasons")),
        Group("What this session's sweat took", ("sweat_loss_l", "potassium_loss_mg")),
        Group(
            "If you replace the fluid lost with your drink",
            ("drink_sodium_mg", "drink_sodium_pct", "food_sodium_mg"),
        ),
    ),
    unlock={
        "drink_sodium_mg": "An electrolyte drink is not needed for this session: water and normal meals replace "
        "what sweat took.",
    },
)


def compute(inputs: ElectrolyteInputs, result: Result) -> Result:
    """The article's any-one-of-three rule, then sweat losses, and how much of the sodium a drink gives back when
    the fluid lost is replaced with it: never more fluid than was lost (Sawka 2007; Hew-Butler 2015).

    Notes
    -----
    Sodium lost (mg) = sweat rate (L/h) × hours × sweat [Na] (mmol/L) × 22.98977 mg/mmol; potassium likewise
    with 39.0983 mg/mmol. Sodium from the drink (mg) = fluid lost (L) × drink sodium (mg/L); the rest comes
    with meals.
    """
    reasons = [
        code
        for code, applies in (
            ("long_session", inputs.duration_min > DURATION_REASON_MIN),
            ("hot_climate", inputs.hot_climate),
            ("high_intensity", inputs.high_intensity),
        )
        if applies
    ]
    result.values.update(recommend_drink=bool(reasons), reasons=reasons or None)
    result.step(
        f"Article's rule: any one of more than {number(DURATION_REASON_MIN)} min, a very warm climate or regular "
        "high intensity → "
        + (
            "consider an electrolyte drink"
            if reasons
            else "no electrolyte drink needed: water and normal meals"
        )
    )
    hours = inputs.duration_min / 60
    sweat_l = inputs.sweat_rate_l_per_h * hours
    sodium_mg = sweat_l * inputs.sweat_sodium_mmol_per_l * MG_PER_MMOL_SODIUM
    potassium_mg = sweat_l * inputs.sweat_potassium_mmol_per_l * MG_PER_MMOL_POTASSIUM
    result.values.update(sweat_loss_l=sweat_l, sodium_loss_mg=sodium_mg, potassium_loss_mg=potassium_mg)
    result.step(
        f"Sweat = {result.amount(inputs.sweat_rate_l_per_h, 'l_per_h', 2)} × {number(hours, 2)} h = "
        f"{result.amount(sweat_l, 'l', 2)}"
    )
    result.step(
        f"Sodium = {number(sweat_l, 2)} L × {number(inputs.sweat_sodium_mmol_per_l)} mmol/L × "
        f"{number(MG_PER_MMOL_SODIUM, 5)} mg/mmol = {number(sodium_mg, 0)} mg"
    )
    result.step(
        f"Potassium = {number(sweat_l, 2)} L × {number(inputs.sweat_potassium_mmol_per_l)} mmol/L × "
        f"{number(MG_PER_MMOL_POTASSIUM, 5)} mg/mmol = {number(potassium_mg, 0)} mg"
    )
    result.cite(ARTICLE, LARA_2016, BAKER_2017)
    if reasons:
        _drink_share(inputs, sweat_l, sodium_mg, result)
    result.step(
        "Cramps are not a reliable sign of sodium loss: neuromuscular fatigue explains them at least as well "
        "(Schwellnus 2009)"
    )
    result.cite(SCHWELLNUS_2009)
    result.chart(_sodium_chart(result.values))
    return result


def _sodium_chart(values: dict) -> dict:
    """Sodium lost against what the drink gives back when the fluid lost is replaced with it, and the rest."""
    lost = values["sodium_loss_mg"]
    given = values.get("drink_sodium_mg")
    if given is None:
        categories, numbers = ["Sodium lost", "Potassium lost"], [lost, values["potassium_loss_mg"]]
        desc = f"Sweat took about {number(lost, 0)} mg of sodium; water and normal meals replace it."
    else:
        categories = ["Sodium lost", "Your drink gives back", "Meals and salty food"]
        numbers = [lost, given, values["food_sodium_mg"]]
        desc = (
            f"Sweat took about {number(lost, 0)} mg of sodium; drinking as much as you lost gives back "
            f"{number(given, 0)} mg ({number(values['drink_sodium_pct'], 0)} %), meals the rest."
        )
    return {
        "kind": "bars",
        "title": "Sodium: lost and given back",
        "desc": desc,
        "categories": categories,
        "y": {"label": "Sodium", "unit": "mg", "min": 0},
        "series": [
            {"id": "sodium", "label": "mg", "role": "primary", "values": [round(n, 1) for n in numbers]}
        ],
        "caption": "Drink no more than you lost: over-drinking causes hyponatremia (Hew-Butler et al. 2015).",
    }


def _drink_share(inputs: ElectrolyteInputs, sweat_l: float, sodium_mg: float, result: Result) -> None:
    """What the drink gives back when exactly the fluid lost is drunk; drinking more to chase the sodium is the
    over-drinking that causes exercise-associated hyponatremia (Sawka 2007; Hew-Butler 2015)."""
    drink_mg = sweat_l * inputs.drink_sodium_mg_per_l
    share_pct = drink_mg / sodium_mg * 100
    food_mg = max(sodium_mg - drink_mg, 0.0)
    result.values.update(drink_sodium_mg=drink_mg, drink_sodium_pct=share_pct, food_sodium_mg=food_mg)
    rest = (
        f"the rest, {number(food_mg, 0)} mg, comes with normal meals and salty food"
        if food_mg > 0
        else "all of it, so meals need not make up any"
    )
    result.step(
        f"Drinking the {result.amount(sweat_l, 'l', 2)} you lost, at {number(inputs.drink_sodium_mg_per_l)} mg/L, "
        f"gives back {number(drink_mg, 0)} mg = {number(share_pct, 0)} % of the sodium lost; {rest}. Drink no "
        "more than you lost to chase it"
    )
    result.cite(SAWKA_2007, HEW_BUTLER_2015)
    drink_mmol = round(inputs.drink_sodium_mg_per_l / MG_PER_MMOL_SODIUM)
    if drink_mmol < ACSM_DRINK_SODIUM_MMOL_PER_L[0]:
        result.warn(
            "low_sodium_drink",
            f"Your drink has about {number(drink_mmol)} mmol/L of sodium, below the "
            f"{span(ACSM_DRINK_SODIUM_MMOL_PER_L, 'mmol/L')} the ACSM gives for sports drinks: it gives back "
            "less of the sodium, not a reason to drink more.",
            "drink_sodium_mg_per_l",
        )


CALCULATOR = Calculator(
    name="electrolytes",
    title="Electrolytes: sodium and potassium in sweat",
    summary="Whether the article would suggest an electrolyte drink, and how much sodium and potassium sweat takes.",
    inputs=ElectrolyteInputs,
    outputs=OUTPUTS,
    sources=(ARTICLE, LARA_2016, BAKER_2017, SAWKA_2007, HEW_BUTLER_2015, SCHWELLNUS_2009),
    presentation=PRESENTATION,
    order=40,
    formula=compute,
)
