"""Training load: session-RPE training load, monotony, strain and the acute:chronic workload ratio.

A day's load is session RPE (CR-10) × minutes, summed over the day's sessions (Foster 2001); rest days are 0.
From 7 to 28 daily loads (oldest first) it reports the last week's load, monotony and strain (Foster 1998) and,
with 28 days, the coupled rolling acute:chronic workload ratio (Gabbett 2016), whose use is debated (Lolli 2019;
Impellizzeri 2020).

References
----------
Foster C (1998). Monitoring training in athletes with reference to overtraining syndrome. Med Sci Sports Exerc
30:1164–1168. doi:10.1097/00005768-199807000-00023
Foster C, Florhaug JA, Franklin J, et al. (2001). A new approach to monitoring exercise training. J Strength
Cond Res 15:109–115.
Gabbett TJ (2016). The training–injury prevention paradox. Br J Sports Med 50:273–280.
Meeusen R, Duclos M, Foster C, et al. (2013). Prevention, diagnosis, and treatment of the overtraining syndrome.
Med Sci Sports Exerc 45:186–205.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated

from .calculator import Calculator
from .fields import Output, Series
from .formatting import number, span
from .presentation import Group, Presentation
from .result import Result
from .sources import FOSTER_1998, FOSTER_2001, GABBETT_2016, IMPELLIZZERI_2020, LOLLI_2019, MEEUSEN_2013

WEEK_DAYS = 7
CHRONIC_DAYS = 28
MAX_DAILY_LOAD_AU = 10.0 * 24 * 60  # RPE 10 for 24 hours
MONOTONY_FLAG = 2.0  # Foster 1998
#: Gabbett 2016's zones: < 0.8 low, 0.8–1.3 "sweet spot", > 1.3 to < 1.5 caution, ≥ 1.5 "danger".
ACWR_SWEET_SPOT = (0.8, 1.3)
ACWR_DANGER = 1.5
ZONE_CODES = ("low", "sweet_spot", "caution", "danger")


def _zone_label(zone: str) -> str:
    """Gabbett's name for a zone with its edges, written from the constants."""
    low, high = ACWR_SWEET_SPOT
    return {
        "low": f"Gabbett's “low” (under {number(low)})",
        "sweet_spot": f"Gabbett's “sweet spot” ({span(ACWR_SWEET_SPOT)})",
        "caution": f"Gabbett's “caution” (over {number(high)}, under {number(ACWR_DANGER)})",
        "danger": f"Gabbett's “danger” ({number(ACWR_DANGER)} or more)",
    }[zone]


EXAMPLE_FOUR_WEEKS = (300, 0, 420, 350, 0, 600, 240) * 3 + (
    360,
    0,
    480,
    400,
    0,
    720,
    300,
)  # a steady three weeks, then a harder fourth


SESSION_RPE_SCALE = (
    (0, "Rest"),
    (1, "Very, very easy"),
    (2, "Easy"),
    (3, "Moderate"),
    (4, "Somewhat hard"),
    (5, "Hard"),
    (6, ""),
    (7, "Very hard"),
    (8, ""),
    (9, ""),
    (10, "Maximal"),
)
"""Session RPE: Borg's CR-10 scale as Foster et al. 2001 modified it for rating a whole session (their Table 1),
asked about 30 minutes after it ends: "How was your workout?". 6, 8 and 9 carry no words on the scale."""


def session_load_au(rpe: float, duration_min: float) -> float:
    """One session's load: RPE on Borg's CR-10 scale (0–10) × minutes (Foster 2001)."""
    if not (0 <= rpe <= 10):
        raise ValueError("session RPE must be between 0 and 10 (Borg CR-10)")
    if duration_min < 0:
        raise ValueError("duration must not be negative")
    return rpe * duration_min


def daily_load_au(sessions: Iterable[tuple[float, float]]) -> float:
    """A day's load: the sum of its sessions' loads, given as (RPE, minutes) pairs; a rest day is 0."""
    return sum((session_load_au(rpe, minutes) for rpe, minutes in sessions), 0.0)


@dataclass(frozen=True, kw_only=True)
class TrainingLoadInputs:
    """Daily loads, oldest first."""

    daily_loads_au: Annotated[
        tuple[float, ...],
        Series(
            unit="au",
            label="Daily training loads",
            help="7 to 28 days, oldest first: a day's load is each session's RPE (0–10) × its minutes, summed, "
            "and may be written as its sessions (6x45+4x30 for RPE 6 for 45 minutes and RPE 4 for 30); a rest day "
            "is 0. 28 days also give the acute:chronic ratio.",
            min=0,
            max=MAX_DAILY_LOAD_AU,
            step=1,
            min_length=WEEK_DAYS,
            max_length=CHRONIC_DAYS,
            default=EXAMPLE_FOUR_WEEKS,
            factors=(("RPE", 0, 10), ("minutes", 0, 24 * 60)),
            scale=SESSION_RPE_SCALE,
            week_days=WEEK_DAYS,
        ),
    ]


OUTPUTS = (
    Output(key="acute_load_au", label="Last 7 days' load", unit="au", precision=1),
    Output(key="chronic_load_au", label="Chronic load (28-day weekly mean)", unit="au", precision=1),
    Output(key="acwr", label="Acute:chronic workload ratio", precision=2),
    Output(
        key="acwr_zone",
        label="Ratio zone",
        kind="choice",
        options=tuple((z, _zone_label(z)) for z in ZONE_CODES),
    ),
    Output(
        key="monotony", label="Monotony", precision=2, help="Mean ÷ standard deviation of the last 7 days."
    ),
    Output(key="strain_au", label="Strain", unit="au", help="Weekly load × monotony."),
)


PRESENTATION = Presentation(
    headline="acwr",
    groups=(
        Group("Compared with the last four weeks", ("acwr_zone", "chronic_load_au")),
        Group("This week", ("acute_load_au", "monotony", "strain_au")),
    ),
    unlock={
        "acwr": f"Enter {CHRONIC_DAYS} days of loads to see how this week compares with the last four.",
        "monotony": "Monotony needs days that differ: with identical loads it is undefined.",
    },
)


def compute(inputs: TrainingLoadInputs, result: Result) -> Result:
    """Weekly load, monotony and strain from the last 7 days; the ACWR when 28 days are given.

    Notes
    -----
    Monotony = mean ÷ population SD of the last 7 daily loads; strain = weekly load × monotony (Foster 1998).
    Acute = last 7 days' load; chronic = 28-day load ÷ 4; ACWR = acute ÷ chronic (Gabbett 2016, coupled).
    """
    loads = inputs.daily_loads_au
    week = loads[-WEEK_DAYS:]
    acute = sum(week)
    result.values["acute_load_au"] = acute
    result.step(
        f"Acute load = sum of the last {WEEK_DAYS} days = {' + '.join(number(x) for x in week)} = "
        f"{number(acute)} AU"
    )
    result.cite(FOSTER_2001, FOSTER_1998)
    _monotony_and_strain(week, acute, result)
    if len(loads) == CHRONIC_DAYS:
        _workload_ratio(loads, acute, result)
    else:
        result.step(f"Acute:chronic ratio needs {CHRONIC_DAYS} days of loads ({len(loads)} given)")
    result.cite(MEEUSEN_2013)
    result.chart(_loads_chart(loads))
    result.chart(_ratio_chart(loads))
    return result


def _rolling(loads: tuple[float, ...]) -> list[tuple[int, float, float]]:
    """(day, 7-day load, weekly mean of up to the last 28 days) from day 7 on; before day 28 the chronic load uses
    the days there are, as the chart's caption says."""
    rows = []
    for day in range(WEEK_DAYS, len(loads) + 1):
        window = loads[max(0, day - CHRONIC_DAYS) : day]
        rows.append((day, sum(loads[day - WEEK_DAYS : day]), sum(window) / (len(window) / WEEK_DAYS)))
    return rows


def _loads_chart(loads: tuple[float, ...]) -> dict:
    rolling = _rolling(loads)
    _, acute, chronic = rolling[-1] if rolling else (0, sum(loads), sum(loads))
    return {
        "kind": "xy",
        "title": "Daily loads, this week's load and the weekly average",
        "desc": f"The last 7 days add up to {number(acute)} AU against a weekly average of {number(chronic)} AU.",
        "x": {"label": "Day", "unit": "", "min": 0, "max": len(loads) + 1},
        "y": {"label": "Load", "unit": "AU", "min": 0},
        "series": [
            {"id": "daily", "label": "Daily load", "type": "bars", "role": "muted",
             "points": [[day, load] for day, load in enumerate(loads, start=1)]},
            {"id": "acute", "label": "Last 7 days", "type": "line", "role": "primary",
             "points": [[day, round(a, 2)] for day, a, _ in rolling]},
            {"id": "chronic", "label": "Weekly average (up to 28 days)", "type": "line", "role": "secondary",
             "points": [[day, round(c, 2)] for day, _, c in rolling]},
        ],
        "caption": "Session RPE × minutes (Foster et al. 2001). Rest days count as 0.",
    }  # fmt: skip


def _ratio_chart(loads: tuple[float, ...]) -> dict:
    """The ratio over time on Gabbett's bands, captioned with the critiques (formula sheet)."""
    points = [[day, round(a / c, 3)] for day, a, c in _rolling(loads) if c > 0]
    low, high = ACWR_SWEET_SPOT
    top = max([ACWR_DANGER + 0.5, *(ratio for _, ratio in points)])
    last = points[-1][1] if points else None
    return {
        "kind": "xy",
        "title": "Acute:chronic ratio on Gabbett's bands",
        "desc": "No ratio: there was no load." if last is None else (
            f"The ratio ends at {number(last, 2)}, in {_zone_label(_zone(last))}. It describes a change of load, "
            "not a diagnosis."),
        "x": {"label": "Day", "unit": "", "min": 0, "max": len(loads) + 1},
        "y": {"label": "Ratio", "unit": "", "min": 0, "max": round(top, 2)},
        "series": [{"id": "ratio", "label": "Acute:chronic ratio", "type": "line", "role": "primary",
                    "points": points}],
        "bands": [
            {"axis": "y", "from": 0, "to": low, "label": "“low”", "role": "low"},
            {"axis": "y", "from": low, "to": high, "label": "“sweet spot”", "role": "good"},
            {"axis": "y", "from": high, "to": ACWR_DANGER, "label": "“caution”", "role": "caution"},
            {"axis": "y", "from": ACWR_DANGER, "to": round(top, 2), "label": "“danger”", "role": "danger"},
        ],
        "caption": "Gabbett's bands (2016), in his words. Coupling this week into the average inflates the ratio "
        "(Lolli et al. 2019), and its link with injury is disputed (Impellizzeri et al. 2020).",
    }  # fmt: skip


def _monotony_and_strain(week: tuple[float, ...], acute: float, result: Result) -> None:
    # Imported here, not at the top: `statistics` pulls in decimal and fractions, about 60 ms of the browser's
    # start-up in Pyodide, paid now only by a reader who uses this calculator.
    import statistics

    mean = statistics.fmean(week)
    spread = statistics.pstdev(week)
    if spread == 0:
        result.warn(
            "monotony_undefined",
            "All of the last 7 days have the same load, so monotony (mean ÷ standard deviation) is undefined: "
            "identical days are as monotonous as training gets. Vary hard and easy days.",
            "daily_loads_au",
        )
        result.step("Monotony = mean ÷ standard deviation: undefined, the standard deviation is 0")
        return
    monotony = mean / spread
    strain = acute * monotony
    result.values.update(monotony=monotony, strain_au=strain)
    result.step(
        f"Monotony = {number(mean, 1)} AU ÷ {number(spread, 1)} AU = {number(monotony, 2)} "
        f"(flagged above {number(MONOTONY_FLAG, 1)})"
    )
    result.step(f"Strain = {number(acute)} AU × {number(monotony, 2)} = {number(strain, 0)} AU")
    if monotony > MONOTONY_FLAG:
        result.warn(
            "high_monotony",
            f"Monotony {number(monotony, 2)} is above {number(MONOTONY_FLAG, 1)}, which Foster (1998) linked with "
            "illness and "
            "overtraining: add easier days between hard ones.",
            "daily_loads_au",
        )


def _workload_ratio(loads: tuple[float, ...], acute: float, result: Result) -> None:
    weeks = CHRONIC_DAYS / WEEK_DAYS
    chronic = sum(loads) / weeks
    result.values["chronic_load_au"] = chronic
    result.step(
        f"Chronic load = {CHRONIC_DAYS}-day load {number(sum(loads))} AU ÷ {number(weeks)} = {number(chronic)} AU"
    )
    result.cite(GABBETT_2016, LOLLI_2019, IMPELLIZZERI_2020)
    if chronic == 0:
        result.warn("acwr_undefined", "No load in 28 days: the ratio is undefined.", "daily_loads_au")
        return
    ratio = acute / chronic
    zone = _zone(ratio)
    result.values.update(acwr=ratio, acwr_zone=zone)
    result.step(
        f"ACWR = {number(acute)} ÷ {number(chronic)} = {number(ratio, 2)} → {_zone_label(zone)}. The ratio "
        "describes a change of load; it does not diagnose overtraining (Meeusen 2013), and its link with injury is "
        "disputed (Lolli 2019; Impellizzeri 2020)"
    )
    if zone in ("caution", "danger"):
        result.warn(
            "acwr_" + zone,
            f"This week's load is {number(ratio, 2)} times your {number(weeks)}-week average. Gabbett (2016) "
            f"linked spikes above {number(ACWR_DANGER)} with more injuries, though later work disputes the ratio "
            "(Lolli 2019; Impellizzeri 2020): build up gradually either way.",
            "daily_loads_au",
        )


def _zone(ratio: float) -> str:
    low, high = ACWR_SWEET_SPOT
    if ratio < low:
        return "low"
    if ratio <= high:
        return "sweet_spot"
    if ratio < ACWR_DANGER:
        return "caution"
    return "danger"


CALCULATOR = Calculator(
    name="training_load",
    title="Training load: how this week compares with the last four",
    summary="Weekly load, monotony, strain and the acute:chronic workload ratio from your daily session-RPE loads; "
    "a change of load, not a diagnosis.",
    inputs=TrainingLoadInputs,
    outputs=OUTPUTS,
    sources=(FOSTER_2001, FOSTER_1998, GABBETT_2016, LOLLI_2019, IMPELLIZZERI_2020, MEEUSEN_2013),
    order=50,
    presentation=PRESENTATION,
    formula=compute,
)
