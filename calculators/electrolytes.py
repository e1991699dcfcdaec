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
from .result import Result
from .shared_fields import SESSION_DURATION_MIN
from .sources import ARTICLE, BAKER_2017, LARA_2016, SAWKA_2007
from .units import MG_PER_MMOL_POTASSIUM, MG_PER_MMOL_SODIUM

DURATION_REASON_MIN = 60.0  # the article: "more than 60 minutes"
ACSM_DRINK_SODIUM_MMOL_PER_L = (20.0, 30.0)  # Sawka 2007: sodium in rehydration drinks
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
    Output(key="recommend_drink", label="Consider an electrolyte drink", kind="boolean"),
    Output(key="reasons", label="Because", kind="list", options=REASONS),
    Output(key="sweat_loss_l", label="Sweat lost", unit="l", precision=2),
    Output(key="sodium_loss_mg", label="Sodium lost in sweat", unit="mg"),
    Output(key="potassium_loss_mg", label="Potassium lost in sweat", unit="mg"),
    Output(key="drink_to_replace_sodium_l", label="Drink to replace that sodium", unit="l", precision=2),
)


def compute(inputs: ElectrolyteInputs) -> Result:
    """The article's any-one-of-three rule, then sweat losses: rate × hours × concentration × molar mass.

    Notes
    -----
    Sodium lost (mg) = sweat rate (L/h) × hours × sweat [Na] (mmol/L) × 22.98977 mg/mmol; potassium likewise
    with 39.0983 mg/mmol. Drink to replace sodium (L) = sodium lost ÷ drink sodium (mg/L).
    """
    result = Result()
    reasons = [
        code
        for code, applies in (
            ("long_session", inputs.duration_min > DURATION_REASON_MIN),
            ("hot_climate", inputs.hot_climate),
            ("high_intensity", inputs.high_intensity),
        )
        if applies
    ]
    result.values.update(recommend_drink=bool(reasons), reasons=reasons)
    result.step(
        f"Article's rule: any one of more than {number(DURATION_REASON_MIN)} min, a very warm climate or regular "
        "high intensity → "
        + ("consider an electrolyte drink" if reasons else "water and a balanced diet are usually enough")
    )
    hours = inputs.duration_min / 60
    sweat_l = inputs.sweat_rate_l_per_h * hours
    sodium_mg = sweat_l * inputs.sweat_sodium_mmol_per_l * MG_PER_MMOL_SODIUM
    potassium_mg = sweat_l * inputs.sweat_potassium_mmol_per_l * MG_PER_MMOL_POTASSIUM
    drink_l = sodium_mg / inputs.drink_sodium_mg_per_l
    result.values.update(
        sweat_loss_l=sweat_l,
        sodium_loss_mg=sodium_mg,
        potassium_loss_mg=potassium_mg,
        drink_to_replace_sodium_l=drink_l,
    )
    result.step(
        f"Sweat = {number(inputs.sweat_rate_l_per_h, 2)} L/h × {number(hours, 2)} h = {number(sweat_l, 2)} L"
    )
    result.step(
        f"Sodium = {number(sweat_l, 2)} L × {number(inputs.sweat_sodium_mmol_per_l)} mmol/L × "
        f"{number(MG_PER_MMOL_SODIUM, 5)} mg/mmol = {number(sodium_mg, 0)} mg"
    )
    result.step(
        f"Potassium = {number(sweat_l, 2)} L × {number(inputs.sweat_potassium_mmol_per_l)} mmol/L × "
        f"{number(MG_PER_MMOL_POTASSIUM, 5)} mg/mmol = {number(potassium_mg, 0)} mg"
    )
    result.step(
        f"Drink to replace the sodium = {number(sodium_mg, 0)} mg ÷ {number(inputs.drink_sodium_mg_per_l)} mg/L "
        f"= {number(drink_l, 2)} L"
    )
    result.cite(ARTICLE, LARA_2016, BAKER_2017)
    drink_mmol = inputs.drink_sodium_mg_per_l / MG_PER_MMOL_SODIUM
    if drink_mmol < ACSM_DRINK_SODIUM_MMOL_PER_L[0]:
        result.warn(
            "low_sodium_drink",
            f"Your drink has {number(drink_mmol)} mmol/L of sodium, below the "
            f"{span(ACSM_DRINK_SODIUM_MMOL_PER_L, 'mmol/L')} the ACSM advises for rehydration drinks.",
            "drink_sodium_mg_per_l",
        )
        result.cite(SAWKA_2007)
    return result


CALCULATOR = Calculator(
    name="electrolytes",
    title="Electrolytes: sodium and potassium in sweat",
    summary="Whether the article would suggest an electrolyte drink, and how much sodium and potassium sweat takes.",
    inputs=ElectrolyteInputs,
    outputs=OUTPUTS,
    sources=(ARTICLE, LARA_2016, BAKER_2017, SAWKA_2007),
    order=40,
    formula=compute,
)
