"""Inputs the native tests work by hand; the Pyodide parity test runs every one of them in Pyodide too.

Each case is registered with `case(name, inputs)`, so `PARITY_CASES` always holds exactly what the native tests
use: valid inputs in metric and imperial units, edge cases at the guideline's tie-breaks, and invalid inputs.
"""

from __future__ import annotations

PARITY_CASES: list[tuple[str, dict]] = []


def case(name: str, inputs: dict) -> dict:
    PARITY_CASES.append((name, inputs))
    return inputs


# energy — the example: 140 lb, 64 in, 35 y, light, lose 1 lb/week.
ENERGY_FEMALE_IMPERIAL = case(
    "energy",
    {
        "sex": "female",
        "age_years": 35,
        "height_cm": {"value": {"ft": 5, "in": 4}, "unit": "ft_in"},
        "weight_kg": {"value": 140, "unit": "lb"},
        "activity": "light",
        "goal_lb_per_week": -1,
    },
)
ENERGY_FEMALE_METRIC = case(
    "energy",
    {
        "sex": "female",
        "age_years": 35,
        "height_cm": 162.56,
        "weight_kg": 63.50293180,
        "activity": "light",
        "goal_lb_per_week": -1,
    },
)
ENERGY_MALE_MIFFLIN = case(
    "energy",
    {
        "sex": "male",
        "age_years": 30,
        "height_cm": 180,
        "weight_kg": 80,
        "activity": "moderate",
        "goal_lb_per_week": 1,
    },
)
ENERGY_MALE_HARRIS = case("energy", {**ENERGY_MALE_MIFFLIN, "formula": "harris_benedict"})
ENERGY_FEMALE_HARRIS = case(
    "energy",
    {
        "sex": "female",
        "age_years": 40,
        "height_cm": "165 cm",
        "weight_kg": "60",
        "activity": "sedentary",
        "goal_lb_per_week": "0",
        "formula": "harris_benedict",
    },
)
ENERGY_KATCH = case("energy", {**ENERGY_MALE_MIFFLIN, "formula": "katch_mcardle", "body_fat_pct": 20})
ENERGY_BELOW_FLOOR = case(
    "energy",
    {
        "sex": "female",
        "age_years": 70,
        "height_cm": 150,
        "weight_kg": 50,
        "activity": "sedentary",
        "goal_lb_per_week": -2,
    },
)
# A loss target below 1,200 kcal while maintenance is above it: the target is raised to 1,200.
ENERGY_RAISED_TO_FLOOR = case(
    "energy",
    {
        "sex": "female",
        "age_years": 35,
        "height_cm": 160,
        "weight_kg": 60,
        "activity": "sedentary",
        "goal_lb_per_week": -2,
    },
)
# The 80-year-old, 45 kg woman who wants to maintain: maintenance 992 kcal is never raised.
ENERGY_SMALL_OLDER_MAINTAIN = case(
    "energy",
    {
        "sex": "female",
        "age_years": 80,
        "height_cm": 150,
        "weight_kg": 45,
        "activity": "sedentary",
        "goal_lb_per_week": 0,
    },
)

# hydration
HYDRATION_DAILY = case("hydration", {"weight_kg": 70})
HYDRATION_DAILY_WITH_SEX = case("hydration", {"weight_kg": 70, "sex": "female"})
HYDRATION_SESSION = case(
    "hydration",
    {
        "weight_kg": 70,
        "pre_exercise_weight_kg": 70,
        "post_exercise_weight_kg": 68.5,
        "fluid_drunk_ml": 500,
        "urine_ml": 100,
        "duration_min": 90,
    },
)
HYDRATION_SESSION_IMPERIAL = case(
    "hydration",
    {
        "weight_kg": "154.32358352941432 lb",
        "pre_exercise_weight_kg": {"value": 70 / 0.45359237, "unit": "lb"},
        "post_exercise_weight_kg": {"value": 68.5 / 0.45359237, "unit": "lb"},
        "fluid_drunk_ml": {"value": 500 / 29.5735295625, "unit": "fl_oz"},
        "urine_ml": "0,1 l",
        "duration_min": "1.5 h",
    },
)
HYDRATION_WEIGHT_GAIN = case(
    "hydration",
    {
        "weight_kg": 70,
        "pre_exercise_weight_kg": 70,
        "post_exercise_weight_kg": 70.4,
        "fluid_drunk_ml": 1500,
        "duration_min": 60,
    },
)
#: Entries that add up to no sweat (McDermott 2017): (post kg, fluid drunk mL, urine mL), pre 70 kg, 90 min.
HYDRATION_NO_SWEAT = {
    entries: case(
        "hydration",
        {
            "weight_kg": 70,
            "pre_exercise_weight_kg": 70,
            "post_exercise_weight_kg": entries[0],
            "fluid_drunk_ml": entries[1],
            "urine_ml": entries[2],
            "duration_min": 90,
        },
    )
    for entries in ((70.5, 400, 0), (69.8, 0, 300), (70, 0, 0))
}

# fueling — Thomas, Erdman & Burke 2016 bands, with our tie-breaks at 45, 60 and 150 min.
FUELING_90_MIN = case(
    "fueling", {"weight_kg": 70, "duration_min": 90, "training_level": "moderate", "next_session_soon": True}
)
FUELING_BANDS = {
    minutes: case("fueling", {"weight_kg": 60, "duration_min": minutes, "training_level": "light"})
    for minutes in (30, 44.9, 45, 59.9, 60, 61, 150, 150.1, 150.5, 240)
}
FUELING_VERY_HIGH_LB = case(
    "fueling",
    {"weight_kg": {"value": 176.3698, "unit": "lb"}, "duration_min": "3 h", "training_level": "very_high"},
)

# electrolytes
ELECTROLYTES_DEFAULTS = case("electrolytes", {"duration_min": 75})
ELECTROLYTES_SHORT_COOL = case(
    "electrolytes", {"duration_min": 45, "hot_climate": False, "high_intensity": "no"}
)
ELECTROLYTES_HOT = case(
    "electrolytes",
    {
        "duration_min": 40,
        "hot_climate": "yes",
        "high_intensity": True,
        "sweat_rate_l_per_h": {"value": 1500, "unit": "ml_per_h"},
        "sweat_sodium_mmol_per_l": 60,
        "sweat_potassium_mmol_per_l": 6,
        "drink_sodium_mg_per_l": 800,
    },
)

#: The issue's cases and the formula sheet's edges: (sweat L/h, sweat Na mmol/L, drink Na mg/L, minutes). 1 L/h for
#: 90 min is the 1.5 L at 40 mmol/L that once gave "drink 3.06 L"; 3 min in a hot climate with a 5 mg/L drink is
#: the 0.05 L that once gave 9.2 L; 1,500 mg/L gives back more sodium than sweat took.
ELECTROLYTES_SWEAT_AND_DRINK = {
    (rate, sodium, drink, minutes): case(
        "electrolytes",
        {
            "duration_min": minutes,
            "hot_climate": minutes <= 60,
            "sweat_rate_l_per_h": rate,
            "sweat_sodium_mmol_per_l": sodium,
            "drink_sodium_mg_per_l": drink,
        },
    )
    for rate, sodium, drink, minutes in (
        (1.0, 40, 451, 90),
        (1.0, 40, 5, 3),
        (0.1, 90, 5, 61),
        (1.5, 40, 5, 90),
        (3.0, 90, 1, 240),
        (1.0, 40, 1500, 90),
    )
}
ELECTROLYTES_NO_DRINK_NEEDED = case("electrolytes", {"duration_min": 45, "sweat_rate_l_per_h": 1})
#: Sawka 2007's 20–30 mmol/L in whole mmol/L: 451 mg/L = 19.6, 449 = 19.53 (both 20); 447 = 19.44 (19); 200 = 8.7.
ELECTROLYTES_DRINK_SODIUM = {
    mg_per_l: case("electrolytes", {"duration_min": 90, "drink_sodium_mg_per_l": mg_per_l})
    for mg_per_l in (451, 449, 447, 200)
}

# training_load — Foster 1998/2001, Gabbett 2016.
STEADY_WEEK = [300, 0, 420, 350, 0, 600, 240]
TRAINING_ONE_WEEK = case("training_load", {"daily_loads_au": STEADY_WEEK})
TRAINING_HALF_POINT_WEEK = case("training_load", {"daily_loads_au": [300, 0, 420, 350, 0, 600, 240.5]})
TRAINING_FLAT_WEEK = case("training_load", {"daily_loads_au": [300] * 7})
TRAINING_ACWR = {
    label: case("training_load", {"daily_loads_au": [chronic] * 21 + [acute] * 7})
    for label, chronic, acute in (
        ("low", 100, 50),
        ("edge_0.8", 100, 75),
        ("edge_1.3", 90, 130),
        ("caution", 100, 150),
        ("edge_1.5", 100, 180),
        ("danger", 100, 300),
    )
}
TRAINING_TEXT = case("training_load", {"daily_loads_au": "300 0 420; 350, 0\n600 240 300"})
TRAINING_ZERO = case("training_load", {"daily_loads_au": [0] * 28})


# invalid inputs: every kind of message
def invalid(name: str, inputs: dict) -> tuple[str, dict]:
    return name, case(name, inputs)


INVALID = [
    invalid("energy", {}),
    invalid("energy", {**ENERGY_MALE_MIFFLIN, "weight_kg": {"value": 10, "unit": "lb"}}),
    invalid("energy", {**ENERGY_MALE_MIFFLIN, "weight_kg": {"value": 80, "unit": "stone"}}),
    invalid("energy", {**ENERGY_MALE_MIFFLIN, "sex": "other", "activity": "couch"}),
    invalid("energy", {**ENERGY_MALE_MIFFLIN, "age_years": "forty"}),
    invalid("energy", {**ENERGY_MALE_MIFFLIN, "age_years": [40]}),
    invalid("energy", {**ENERGY_MALE_MIFFLIN, "formula": "katch_mcardle"}),
    invalid("energy", {**ENERGY_MALE_MIFFLIN, "height_cm": "1e309"}),
    invalid("energy", {**ENERGY_MALE_MIFFLIN, "weight": 80}),
    invalid("hydration", {"weight_kg": 70, "post_exercise_weight_kg": 68}),
    invalid("hydration", {"weight_kg": -5}),
    invalid("hydration", {"weight_kg": 70, "sex": "other"}),
    invalid(
        "fueling",
        {"weight_kg": 70, "duration_min": 50, "training_level": "light", "next_session_soon": "maybe"},
    ),
    invalid("fueling", {"weight_kg": 70, "duration_min": 0, "training_level": "moderate"}),
    invalid("electrolytes", {"duration_min": 60, "hot_climate": "maybe"}),
    invalid("training_load", {"daily_loads_au": [100] * 5}),
    invalid("training_load", {"daily_loads_au": [100] * 6 + ["x"]}),
    invalid("training_load", {"daily_loads_au": [100] * 6 + [-1]}),
]
