"""Daily calories for a weight goal: the article's calorie-tracker widget, with its equations shown.

Estimates resting energy (BMR; the equations predict resting expenditure, not a measured basal rate) with a choice
of three published equations, scales it by an activity multiplier to maintenance calories, and adds the widget's
weekly weight goal at 3,500 kcal per pound. A loss target below the lowest typical weight-loss intake (Jensen 2013)
is raised to it and the real change reported; maintain and gain targets are never changed.

References
----------
Mifflin MD, St Jeor ST, Hill LA, Scott BJ, Daugherty SA, Koh YO (1990). A new predictive equation for resting
energy expenditure in healthy individuals. Am J Clin Nutr 51:241–247. doi:10.1093/ajcn/51.2.241
Roza AM, Shizgal HM (1984). The Harris Benedict equation reevaluated. Am J Clin Nutr 40:168–182.
Cunningham JJ (1991). Body composition as a determinant of energy expenditure: a synthetic review and a
proposed general prediction equation. Am J Clin Nutr 54:963–969 (the equation textbooks call Katch–McArdle).
Frankenfield D, Roth-Yousey L, Compher C (2005). J Am Diet Assoc 105:775–789.
Hall KD et al. (2011). Quantification of the effect of energy imbalance on bodyweight. Lancet 378:826–837.
Jensen MD et al. (2014). 2013 AHA/ACC/TOS guideline for the management of overweight and obesity. Circulation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated

from .calculator import Calculator
from .fields import Choice, Output, Quantity
from .formatting import number, quantity
from .presentation import Group, Presentation
from .result import Result
from .shared_fields import BODY_WEIGHT_KG
from .sources import (
    ACTIVITY_CONVENTION,
    CUNNINGHAM_1991,
    FRANKENFIELD_2005,
    HALL_2011,
    JENSEN_2013,
    MIFFLIN_1990,
    ROZA_1984,
)
from .units import KG_PER_LB, UNITS

#: Mifflin et al. 1990: BMR = 10·W + 6.25·H − 5·A + s, s = +5 (male) or −161 (female).
MIFFLIN_ST_JEOR_1990 = {"weight": 10.0, "height": 6.25, "age": 5.0, "male": 5.0, "female": -161.0}
#: Roza & Shizgal 1984, revised Harris–Benedict: (constant, per kg, per cm, per year) by sex.
HARRIS_BENEDICT_ROZA_1984 = {
    "male": (88.362, 13.397, 4.799, 5.677),
    "female": (447.593, 9.247, 3.098, 4.330),
}
#: Cunningham 1991 ("Katch–McArdle"): RMR = 370 + 21.6 · fat-free mass (kg).
KATCH_MCARDLE_CONSTANT_KCAL, KATCH_MCARDLE_PER_KG_LBM = 370.0, 21.6
ACTIVITY_MULTIPLIERS = {
    "sedentary": 1.2,
    "light": 1.375,
    "moderate": 1.55,
    "very_active": 1.725,
    "extra_active": 1.9,
}
#: Hall et al. 2011: a sustained 100 kJ/day (about 24 kcal/day) change of intake → about 1 kg eventually, half of it
#: in about a year (formula sheet's curve: (1 − 2^(−t / 1 year))).
HALL_2011_KCAL_PER_DAY_PER_KG = 24.0
HALL_2011_HALF_LIFE_WEEKS = 52.0
PROJECTION_WEEKS = 52
KCAL_PER_LB = 3500.0  # the static rule the widget uses; Hall 2011 shows it overstates long-term change
DAYS_PER_WEEK = 7
#: Jensen et al. 2014 (AHA/ACC/TOS 2013): the lowest typical weight-loss prescription (1,200–1,500 kcal/day for
#: women, 1,500–1,800 for men) — a typical prescription, not a proven safety limit. Applied to loss goals only.
LOWEST_LOSS_INTAKE_KCAL = {"female": 1200.0, "male": 1500.0}

ACTIVITY_OPTIONS = (
    ("sedentary", "Sedentary (little or no exercise)"),
    ("light", "Light (exercise 1–3 days a week)"),
    ("moderate", "Moderate (exercise 3–5 days a week)"),
    ("very_active", "Very active (hard exercise 6–7 days a week)"),
    ("extra_active", "Extra active (very hard exercise or a physical job)"),
)
#: "very active": how a step names the reader's activity, from the form's own labels.
_SEX_WORDS = {"female": "women", "male": "men"}
ACTIVITY_WORDS = {value: label.split(" (")[0].lower() for value, label in ACTIVITY_OPTIONS}
GOAL_OPTIONS = (
    (2.0, "Gain 2 pounds per week"),
    (1.5, "Gain 1.5 pounds per week"),
    (1.0, "Gain 1 pound per week"),
    (0.5, "Gain 0.5 pound per week"),
    (0.0, "Maintain my current weight"),
    (-0.5, "Lose 0.5 pound per week"),
    (-1.0, "Lose 1 pound per week"),
    (-1.5, "Lose 1.5 pounds per week"),
    (-2.0, "Lose 2 pounds per week"),
)
FORMULA_NAMES = {
    "mifflin_st_jeor": "Mifflin–St Jeor (1990)",
    "harris_benedict": "Harris–Benedict, revised (Roza & Shizgal 1984)",
    "katch_mcardle": "Katch–McArdle (needs body fat %)",
}


@dataclass(frozen=True, kw_only=True)
class EnergyInputs:
    """What the calorie-goal widget asks for."""

    sex: Annotated[
        str,
        Choice(
            label="Sex",
            help="The equations differ for females and males.",
            options=(("female", "Female"), ("male", "Male")),
            default="female",
        ),
    ]
    age_years: Annotated[
        float,
        Quantity(
            unit="years",
            label="Age",
            help="Adults; the equations were derived on adults aged about 19 to 78.",
            min=18,
            max=100,
            step=1,
            default=35,
        ),
    ]
    height_cm: Annotated[
        float,
        Quantity(
            unit="cm",
            units=("cm", "in", "ft_in"),
            label="Height",
            help="Standing height without shoes.",
            min=100,
            max=250,
            step=0.1,
            default=162.56,
        ),
    ]
    weight_kg: Annotated[
        float,
        replace(BODY_WEIGHT_KG, min=30, default=63.5),
    ]
    activity: Annotated[
        str,
        Choice(
            label="Activity level",
            help="How active your usual week is, exercise included.",
            options=ACTIVITY_OPTIONS,
            default="light",
        ),
    ]
    goal_lb_per_week: Annotated[
        float,
        Choice(
            label="Weekly goal",
            help="The calorie tracker's nine goals, from gaining to losing up to 2 lb (0.9 kg) a week.",
            options=GOAL_OPTIONS,
            default=0.0,
        ),
    ]
    formula: Annotated[
        str,
        Choice(
            label="BMR equation",
            help="Mifflin–St Jeor is the most reliable of the common equations (Frankenfield 2005).",
            options=tuple(FORMULA_NAMES.items()),
            default="mifflin_st_jeor",
            required=False,
        ),
    ]
    body_fat_pct: Annotated[
        float | None,
        Quantity(
            unit="pct",
            label="Body fat",
            help="Needed for the Katch–McArdle equation only.",
            min=3,
            max=70,
            step=0.1,
            required=False,
        ),
    ]


OUTPUTS = (
    Output(
        key="bmr_kcal",
        label="Resting energy (BMR)",
        unit="kcal_per_day",
        help="Estimated energy used at rest, as the equations predict it (not a measured basal rate).",
    ),
    Output(key="maintenance_kcal", label="Maintenance calories", unit="kcal_per_day", help="BMR × activity."),
    Output(key="daily_change_kcal", label="Daily change from maintenance", unit="kcal_per_day"),
    Output(
        key="weekly_change_lb",
        label="Weekly change this target gives",
        unit="lb_per_week",
        precision=2,
        help="Shown when the target was raised: the change it really gives, by the same 3,500 kcal/lb rule.",
    ),
    Output(key="target_kcal", label="Daily calorie target", unit="kcal_per_day"),
    Output(
        key="lean_body_mass_kg", label="Lean body mass", unit="kg", precision=1, help="Katch–McArdle only."
    ),
)

PRESENTATION = Presentation(
    headline="target_kcal",
    groups=(
        Group(
            "How it is worked out",
            ("bmr_kcal", "lean_body_mass_kg", "maintenance_kcal", "daily_change_kcal", "weekly_change_lb"),
        ),
    ),
)


def compute(inputs: EnergyInputs, result: Result) -> Result:
    """Resting energy by the chosen equation, × activity multiplier, + goal × 500 kcal/day; a loss target below
    the lowest typical weight-loss intake (Jensen 2013) is raised to it, never above maintenance.

    Notes
    -----
    Mifflin–St Jeor: BMR = 10·W + 6.25·H − 5·A + 5 (male) or − 161 (female); W kg, H cm, A years.
    Daily change = goal (lb/week) × 3,500 kcal/lb ÷ 7 days = goal × 500 kcal/day.
    """
    bmr = _BMR_EQUATIONS[inputs.formula](inputs, result)
    result.values["bmr_kcal"] = bmr

    multiplier = ACTIVITY_MULTIPLIERS[inputs.activity]
    maintenance = bmr * multiplier
    result.values["maintenance_kcal"] = maintenance
    result.step(
        f"Maintenance = {_kcal(bmr)} × {number(multiplier, 3)} ({ACTIVITY_WORDS[inputs.activity]}) = "
        f"{_kcal(maintenance)}"
    )
    result.cite(ACTIVITY_CONVENTION)

    change = inputs.goal_lb_per_week * KCAL_PER_LB / DAYS_PER_WEEK
    result.step(
        f"Goal change = {number(inputs.goal_lb_per_week)} lb/week × {number(KCAL_PER_LB)} kcal/lb ÷ "
        f"{number(DAYS_PER_WEEK)} days = {_kcal(change)} "
        "(a static rule that overstates long-term change: the body adapts, Hall 2011)"
    )
    result.cite(HALL_2011)

    target = maintenance + change
    sign = "−" if change < 0 else "+"
    result.step(f"Target = {_kcal(maintenance)} {sign} {_kcal(abs(change))} = {_kcal(target)}")
    floor = LOWEST_LOSS_INTAKE_KCAL[inputs.sex]
    if change < 0 and target < floor:
        target = _raise_loss_target(inputs, maintenance, target, floor, result)
    if maintenance < floor:
        result.warn(
            "low_maintenance",
            f"Your maintenance estimate, {_kcal(maintenance)} a day, is below the {_kcal(floor)} the "
            f"AHA/ACC/TOS guideline gives as the lowest typical intake for {_SEX_WORDS[inputs.sex]} losing weight: "
            "eating below that deserves a health professional's advice. The numbers are unchanged.",
            "weight_kg",
        )
        result.cite(JENSEN_2013)
    result.values["target_kcal"] = target
    result.values["daily_change_kcal"] = target - maintenance
    result.chart(_projection_chart(inputs, target - maintenance, result))
    return result


def _projection_chart(inputs: EnergyInputs, daily_change_kcal: float, result: Result) -> dict:
    """Weight over a year at this daily change: the static 3,500 kcal/lb rule's straight line beside Hall et al.
    2011's rule of thumb, ΔW(t) = ΔE ÷ 24 kcal/day per kg × (1 − 2^(−t / 1 year)) (formula sheet)."""
    unit = result.reader_unit("kg")
    weeks = range(0, PROJECTION_WEEKS + 1, 2)
    static_kg = [daily_change_kcal * DAYS_PER_WEEK / KCAL_PER_LB * KG_PER_LB * week for week in weeks]
    hall_kg = [
        daily_change_kcal / HALL_2011_KCAL_PER_DAY_PER_KG * (1 - 2 ** (-week / HALL_2011_HALF_LIFE_WEEKS))
        for week in weeks
    ]
    start = inputs.weight_kg

    def points(changes: list[float]) -> list[list[float]]:
        return [
            [week, result.in_reader_unit(start + change, "kg")]
            for week, change in zip(weeks, changes, strict=True)
        ]

    end_static, end_hall = (result.in_reader_unit(start + c[-1], "kg") for c in (static_kg, hall_kg))
    symbol = UNITS[unit].symbol
    return {
        "kind": "xy",
        "title": "Your weight over a year at this target",
        "desc": (
            f"From {number(result.in_reader_unit(start, 'kg'))} {symbol}, the 3,500 kcal rule predicts "
            f"{number(end_static)} {symbol} after {PROJECTION_WEEKS} weeks; Hall et al. 2011's rule of thumb, "
            f"which lets the body adapt, predicts about {number(end_hall)} {symbol}."
        ),
        "x": {"label": "Weeks from now", "unit": "", "min": 0, "max": PROJECTION_WEEKS},
        "y": {"label": "Body weight", "unit": symbol},
        "series": [
            {"id": "static", "label": "3,500 kcal per lb rule", "type": "line", "role": "article",
             "points": points(static_kg)},
            {"id": "hall", "label": "Hall et al. 2011 rule of thumb", "type": "line", "role": "guideline",
             "points": points(hall_kg)},
        ],
        "markers": [{"axis": "y", "at": result.in_reader_unit(start, "kg"), "label": "Your weight now",
                     "role": "reader"}],
        "caption": "A population rule of thumb: individuals differ. The NIH Body Weight Planner models you in "
        "more detail.",
    }  # fmt: skip


def _raise_loss_target(
    inputs: EnergyInputs, maintenance: float, target: float, floor: float, result: Result
) -> float:
    """Jensen et al. 2013: a loss target below the lowest typical prescription is raised to it (but never above
    maintenance, so a loss goal never asks for more than maintaining), and the real change is reported."""
    raised = min(floor, maintenance)
    real_change = raised - maintenance
    weekly_lb = real_change * DAYS_PER_WEEK / KCAL_PER_LB
    result.values["weekly_change_lb"] = weekly_lb
    capped = ", capped at maintenance" if raised < floor else ""
    result.step(
        f"Target raised to {_kcal(raised)}: the lowest typical weight-loss intake for {_SEX_WORDS[inputs.sex]} is "
        f"{_kcal(floor)} (Jensen 2013){capped}. Real change = {_kcal(raised)} − {_kcal(maintenance)} = "
        f"{_kcal(real_change)} = {number(weekly_lb, 2)} lb/week"
    )
    result.warn(
        "below_floor",
        f"Your goal would mean {_kcal(target)} a day, below the {_kcal(floor)} the AHA/ACC/TOS guideline gives as "
        f"the lowest typical intake for {_SEX_WORDS[inputs.sex]} losing weight (a typical prescription, not a proven "
        f"safety limit). The target shown is {_kcal(raised)}, which changes your weight by about "
        f"{number(weekly_lb, 2)} lb a week, not {number(inputs.goal_lb_per_week)}. Choose a slower goal or ask a "
        "health professional.",
        "goal_lb_per_week",
    )
    result.cite(JENSEN_2013)
    return raised


def _mifflin_st_jeor(inputs: EnergyInputs, result: Result) -> float:
    c = MIFFLIN_ST_JEOR_1990
    bmr = (
        c["weight"] * inputs.weight_kg
        + c["height"] * inputs.height_cm
        - c["age"] * inputs.age_years
        + c[inputs.sex]
    )
    result.step(
        f"BMR = {number(c['weight'], 3)} × {result.amount(inputs.weight_kg, 'kg')} + {number(c['height'], 3)} × "
        f"{result.amount(inputs.height_cm, 'cm')} − {number(c['age'], 3)} × {number(inputs.age_years)} "
        f"{_signed(c[inputs.sex])} = {_kcal(bmr)} (Mifflin–St Jeor)"
    )
    result.cite(MIFFLIN_1990, FRANKENFIELD_2005)
    return bmr


def _harris_benedict(inputs: EnergyInputs, result: Result) -> float:
    constant, per_kg, per_cm, per_year = HARRIS_BENEDICT_ROZA_1984[inputs.sex]
    bmr = constant + per_kg * inputs.weight_kg + per_cm * inputs.height_cm - per_year * inputs.age_years
    result.step(
        f"BMR = {number(constant, 3)} + {number(per_kg, 3)} × {result.amount(inputs.weight_kg, 'kg')} + "
        f"{number(per_cm, 3)} × {result.amount(inputs.height_cm, 'cm')} − {number(per_year, 3)} × "
        f"{number(inputs.age_years)} = {_kcal(bmr)} (revised Harris–Benedict)"
    )
    result.cite(ROZA_1984)
    return bmr


def _katch_mcardle(inputs: EnergyInputs, result: Result) -> float:
    body_fat = inputs.body_fat_pct if inputs.body_fat_pct is not None else 0.0
    lean_mass = inputs.weight_kg * (1 - body_fat / 100)
    bmr = KATCH_MCARDLE_CONSTANT_KCAL + KATCH_MCARDLE_PER_KG_LBM * lean_mass
    result.values["lean_body_mass_kg"] = lean_mass
    result.step(
        f"Lean body mass = {result.amount(inputs.weight_kg, 'kg')} × (1 − {number(body_fat)} % ÷ 100) = "
        f"{result.amount(lean_mass, 'kg')}"
    )
    result.step(
        f"BMR = {number(KATCH_MCARDLE_CONSTANT_KCAL, 3)} + {number(KATCH_MCARDLE_PER_KG_LBM, 3)} × "
        f"{result.amount(lean_mass, 'kg')} = {_kcal(bmr)} (Katch–McArdle)"
    )
    result.cite(CUNNINGHAM_1991)
    return bmr


_BMR_EQUATIONS = {
    "mifflin_st_jeor": _mifflin_st_jeor,
    "harris_benedict": _harris_benedict,
    "katch_mcardle": _katch_mcardle,
}


def _cross_checks(values: dict) -> dict[str, str]:
    if values["formula"] == "katch_mcardle" and values["body_fat_pct"] is None:
        return {"body_fat_pct": "Body fat is required for the Katch–McArdle equation."}
    return {}


def _kcal(value: float) -> str:
    return quantity(value, "kcal")


def _signed(value: float) -> str:
    """`+ 5` or `− 161`: a constant term written as the step adds it."""
    return f"{'−' if value < 0 else '+'} {number(abs(value), 3)}"


CALCULATOR = Calculator(
    name="energy",
    title="Daily calories for a weight goal",
    summary="Resting energy (BMR), maintenance calories and a daily target for the calorie tracker's goals.",
    inputs=EnergyInputs,
    outputs=OUTPUTS,
    sources=(
        MIFFLIN_1990,
        FRANKENFIELD_2005,
        ROZA_1984,
        CUNNINGHAM_1991,
        ACTIVITY_CONVENTION,
        HALL_2011,
        JENSEN_2013,
    ),
    order=10,
    formula=compute,
    cross_checks=_cross_checks,
    presentation=PRESENTATION,
)
