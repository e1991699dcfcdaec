"""Every source the site cites, once, by a stable id: calculators import these, pages cite them by id.

A citation is written in one style from its parts (authors, year, title, where it appeared, link, access date),
so the References page, a footnote and the CLI read alike. `SOURCES` is the registry; `get(id)` names the valid
ids when one is wrong. Nothing else in the project types a citation out.
"""

from __future__ import annotations

from dataclasses import dataclass

ARTICLE_URL = "https://www.livestrong.com/article/445888-leg-weakness-after-exercise/"
ACCESSED = "2026-12-01"  # when the web pages below were last read; journal articles are cited by DOI instead


@dataclass(frozen=True, kw_only=True)
class Source:
    """A published source: `short` is how a sentence names it ("Sawka et al. 2007"); `note` says how we use it."""

    id: str
    short: str
    authors: str
    title: str
    where: str = ""
    year: int | None = None
    url: str | None = None
    accessed: str | None = None  # ISO date a web page was read; journals are cited by DOI instead
    note: str = ""

    @property
    def citation(self) -> str:
        """`Authors (year). Title. Where. Note.` in one style for every source."""
        year = f" ({self.year})" if self.year else ""
        parts = [f"{self.authors}{year}.", _sentence(self.title)]
        if self.where:
            parts.append(_sentence(self.where))
        if self.note:
            parts.append(_sentence(self.note))
        return " ".join(parts)

    def to_dict(self) -> dict:
        data = {"id": self.id, "short": self.short, "citation": self.citation}
        if self.url:
            data["url"] = self.url
        if self.accessed:
            data["accessed"] = self.accessed
        return data


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


# --- The article and the conventions it rests on ---------------------------------------------------------------

ARTICLE = Source(
    id="vera_article",
    short="Vera (LIVESTRONG.COM)",
    authors="Vera K",
    title="Leg Weakness After Exercise",
    where="LIVESTRONG.COM",
    url=ARTICLE_URL,
    accessed=ACCESSED,
)
ACE_ARTICLE = Source(
    id="ace_article",
    short="American Council on Exercise, as quoted in the article",
    authors="American Council on Exercise, as quoted in the article",
    title="At least 8 fl oz of water before exercise, 8 fl oz for each pound lost, and at least half your body "
    "weight (lb) in fl oz a day",
    note="No scientific source was found for the daily rule (see Valtin 2002)",
    url=ARTICLE_URL,
    accessed=ACCESSED,
)
ACTIVITY_CONVENTION = Source(
    id="activity_multipliers",
    short="textbook convention",
    authors="Textbook convention",
    title="Activity multipliers 1.2 / 1.375 / 1.55 / 1.725 / 1.9",
    note="No primary paper",
)

# --- Energy -------------------------------------------------------------------------------------------------------

MIFFLIN_1990 = Source(
    id="mifflin1990",
    short="Mifflin et al. 1990",
    authors="Mifflin MD, St Jeor ST, Hill LA, Scott BJ, Daugherty SA, Koh YO",
    year=1990,
    title="A new predictive equation for resting energy expenditure in healthy individuals",
    where="Am J Clin Nutr 51:241–247",
    url="https://doi.org/10.1093/ajcn/51.2.241",
)
FRANKENFIELD_2005 = Source(
    id="frankenfield2005",
    short="Frankenfield et al. 2005",
    authors="Frankenfield D, Roth-Yousey L, Compher C",
    year=2005,
    title="Comparison of predictive equations for resting metabolic rate in healthy nonobese and obese "
    "adults: a systematic review",
    where="J Am Diet Assoc 105:775–789",
    url="https://doi.org/10.1016/j.jada.2005.02.005",
)
ROZA_1984 = Source(
    id="roza1984",
    short="Roza & Shizgal 1984",
    authors="Roza AM, Shizgal HM",
    year=1984,
    title="The Harris Benedict equation reevaluated: resting energy requirements and the body cell mass",
    where="Am J Clin Nutr 40:168–182",
    url="https://doi.org/10.1093/ajcn/40.1.168",
)
CUNNINGHAM_1991 = Source(
    id="cunningham1991",
    short='Cunningham 1991 (the "Katch–McArdle" equation)',
    authors="Cunningham JJ",
    year=1991,
    title="Body composition as a determinant of energy expenditure: a synthetic review and a proposed general "
    "prediction equation",
    where="Am J Clin Nutr 54:963–969",
    url="https://doi.org/10.1093/ajcn/54.6.963",
    note="The equation RMR = 370 + 21.6 × fat-free mass that textbooks call Katch–McArdle",
)
HALL_2008 = Source(
    id="hall2008",
    short="Hall 2008",
    authors="Hall KD",
    year=2008,
    title="What is the required energy deficit per unit weight loss?",
    where="Int J Obes 32:573–576",
    url="https://doi.org/10.1038/sj.ijo.0803720",
)
HALL_2011 = Source(
    id="hall2011",
    short="Hall et al. 2011",
    authors="Hall KD, Sacks G, Chandramohan D, et al.",
    year=2011,
    title="Quantification of the effect of energy imbalance on bodyweight",
    where="Lancet 378:826–837",
    url="https://doi.org/10.1016/S0140-6736(11)60812-X",
)
JENSEN_2013 = Source(
    id="jensen2013",
    short="Jensen et al. 2013 (AHA/ACC/TOS)",
    authors="Jensen MD, Ryan DH, Apovian CM, et al.",
    year=2014,
    title="2013 AHA/ACC/TOS guideline for the management of overweight and obesity in adults",
    where="Circulation 129(25 Suppl 2):S102–S138",
    url="https://doi.org/10.1161/01.cir.0000437739.71477.ee",
)

# --- Carbohydrate -------------------------------------------------------------------------------------------------

MURRAY_ROSENBLOOM_2018 = Source(
    id="murrayrosenbloom2018",
    short="Murray & Rosenbloom 2018",
    authors="Murray B, Rosenbloom C",
    year=2018,
    title="Fundamentals of glycogen metabolism for coaches and athletes",
    where="Nutr Rev 76:243–259",
    url="https://doi.org/10.1093/nutrit/nuy001",
)

# --- Water and electrolytes ---------------------------------------------------------------------------------------

VALTIN_2002 = Source(
    id="valtin2002",
    short="Valtin 2002",
    authors="Valtin H",
    year=2002,
    title='"Drink at least eight glasses of water a day." Really? Is there scientific evidence for "8 × 8"?',
    where="Am J Physiol Regul Integr Comp Physiol 283:R993–R1004",
    url="https://doi.org/10.1152/ajpregu.00365.2002",
)
SAWKA_2007 = Source(
    id="sawka2007",
    short="Sawka et al. 2007 (ACSM)",
    authors="Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS",
    year=2007,
    title="American College of Sports Medicine position stand: exercise and fluid replacement",
    where="Med Sci Sports Exerc 39:377–390",
    url="https://doi.org/10.1249/mss.0b013e31802ca597",
)
THOMAS_2016 = Source(
    id="thomas2016",
    short="Thomas, Erdman & Burke 2016",
    authors="Thomas DT, Erdman KA, Burke LM",
    year=2016,
    title="American College of Sports Medicine joint position statement: nutrition and athletic performance",
    where="Med Sci Sports Exerc 48:543–568",
    url="https://doi.org/10.1249/MSS.0000000000000852",
)
MCDERMOTT_2017 = Source(
    id="mcdermott2017",
    short="McDermott et al. 2017 (NATA)",
    authors="McDermott BP, Anderson SA, Armstrong LE, et al.",
    year=2017,
    title="National Athletic Trainers' Association position statement: fluid replacement for the physically "
    "active",
    where="J Athl Train 52:877–895",
    url="https://doi.org/10.4085/1062-6050-52.9.02",
)
IOM_2004 = Source(
    id="iom2004",
    short="Institute of Medicine 2004",
    authors="Institute of Medicine",
    year=2004,
    title="Dietary Reference Intakes for Water, Potassium, Sodium, Chloride, and Sulfate",
    where="Washington, DC: National Academies Press",
    url="https://doi.org/10.17226/10925",
)
LARA_2016 = Source(
    id="lara2016",
    short="Lara et al. 2016",
    authors="Lara B, Gallo-Salazar C, Puente C, Areces F, Salinero JJ, Del Coso J",
    year=2016,
    title="Interindividual variability in sweat electrolyte concentration in marathoners",
    where="J Int Soc Sports Nutr 13:31",
    url="https://doi.org/10.1186/s12970-016-0141-z",
)
BAKER_2017 = Source(
    id="baker2017",
    short="Baker 2017",
    authors="Baker LB",
    year=2017,
    title="Sweating rate and sweat sodium concentration in athletes: a review of methodology and "
    "intra/interindividual variability",
    where="Sports Med 47(Suppl 1):111–128",
    url="https://doi.org/10.1007/s40279-017-0691-5",
)

HEW_BUTLER_2015 = Source(
    id="hewbutler2015",
    short="Hew-Butler et al. 2015",
    authors="Hew-Butler T, Rosner MH, Fowkes-Godek S, et al.",
    year=2015,
    title="Statement of the Third International Exercise-Associated Hyponatremia Consensus Development "
    "Conference, Carlsbad, California, 2015",
    where="Clin J Sport Med 25:303–320",
    url="https://doi.org/10.1097/JSM.0000000000000221",
)
SCHWELLNUS_2009 = Source(
    id="schwellnus2009",
    short="Schwellnus 2009",
    authors="Schwellnus MP",
    year=2009,
    title="Cause of exercise associated muscle cramps (EAMC) — altered neuromuscular control, dehydration or "
    "electrolyte depletion?",
    where="Br J Sports Med 43:401–408",
    url="https://doi.org/10.1136/bjsm.2008.050401",
)

# --- Training load ------------------------------------------------------------------------------------------------

FOSTER_1998 = Source(
    id="foster1998",
    short="Foster 1998",
    authors="Foster C",
    year=1998,
    title="Monitoring training in athletes with reference to overtraining syndrome",
    where="Med Sci Sports Exerc 30:1164–1168",
    url="https://doi.org/10.1097/00005768-199807000-00023",
)
FOSTER_2001 = Source(
    id="foster2001",
    short="Foster et al. 2001",
    authors="Foster C, Florhaug JA, Franklin J, et al.",
    year=2001,
    title="A new approach to monitoring exercise training",
    where="J Strength Cond Res 15:109–115",
    url="https://doi.org/10.1519/00124278-200102000-00019",
)
GABBETT_2016 = Source(
    id="gabbett2016",
    short="Gabbett 2016",
    authors="Gabbett TJ",
    year=2016,
    title="The training–injury prevention paradox: should athletes be training smarter and harder?",
    where="Br J Sports Med 50:273–280",
    url="https://doi.org/10.1136/bjsports-2015-095788",
)
LOLLI_2019 = Source(
    id="lolli2019",
    short="Lolli et al. 2019",
    authors="Lolli L, Batterham AM, Hawkins R, et al.",
    year=2019,
    title="Mathematical coupling causes spurious correlation within the conventional acute-to-chronic "
    "workload ratio calculations",
    where="Br J Sports Med 53:921–922",
    url="https://doi.org/10.1136/bjsports-2017-098110",
)
IMPELLIZZERI_2020 = Source(
    id="impellizzeri2020",
    short="Impellizzeri et al. 2020",
    authors="Impellizzeri FM, Tenan MS, Kempton T, et al.",
    year=2020,
    title="Acute:chronic workload ratio: conceptual issues and fundamental pitfalls",
    where="Int J Sports Physiol Perform 15:907–913",
    url="https://doi.org/10.1123/ijspp.2019-0864",
)
MEEUSEN_2013 = Source(
    id="meeusen2013",
    short="Meeusen et al. 2013",
    authors="Meeusen R, Duclos M, Foster C, et al.",
    year=2013,
    title="Prevention, diagnosis, and treatment of the overtraining syndrome: joint consensus statement of "
    "the European College of Sport Science and the American College of Sports Medicine",
    where="Med Sci Sports Exerc 45:186–205",
    url="https://doi.org/10.1249/MSS.0b013e318279a10a",
)

# --- Warning signs (docs/includes/red-flags*.yml): public health pages, cited with their URL and access date ---------

CDC_RHABDO = Source(
    id="cdc_rhabdo",
    short="CDC/NIOSH: Rhabdomyolysis",
    authors="Centers for Disease Control and Prevention, National Institute for Occupational Safety and Health",
    title="Rhabdomyolysis",
    where="NIOSH Workplace Safety and Health Topics",
    url="https://www.cdc.gov/niosh/topics/rhabdo/default.html",
    accessed=ACCESSED,
)
NHS_STROKE = Source(
    id="nhs_stroke",
    short="NHS: Stroke symptoms",
    authors="National Health Service (NHS)",
    title="Stroke: symptoms",
    where="nhs.uk",
    url="https://www.nhs.uk/conditions/stroke/symptoms/",
    accessed=ACCESSED,
)
NHS_CAUDA_EQUINA = Source(
    id="nhs_cauda_equina",
    short="NHS: Cauda equina syndrome",
    authors="National Health Service (NHS)",
    title="Cauda equina syndrome",
    where="nhs.uk",
    url="https://www.nhs.uk/conditions/cauda-equina-syndrome/",
    accessed=ACCESSED,
)
NHS_GUILLAIN_BARRE = Source(
    id="nhs_guillain_barre",
    short="NHS: Guillain-Barré syndrome",
    authors="National Health Service (NHS)",
    title="Guillain-Barré syndrome",
    where="nhs.uk",
    url="https://www.nhs.uk/conditions/guillain-barre-syndrome/",
    accessed=ACCESSED,
)
NHS_HEAT = Source(
    id="nhs_heat",
    short="NHS: Heat exhaustion and heatstroke",
    authors="National Health Service (NHS)",
    title="Heat exhaustion and heatstroke",
    where="nhs.uk",
    url="https://www.nhs.uk/conditions/heat-exhaustion-heatstroke/",
    accessed=ACCESSED,
)
NHS_PALPITATIONS = Source(
    id="nhs_palpitations",
    short="NHS: Heart palpitations",
    authors="National Health Service (NHS)",
    title="Heart palpitations",
    where="nhs.uk",
    url="https://www.nhs.uk/conditions/heart-palpitations/",
    accessed=ACCESSED,
)
AHA_HEART_ATTACK = Source(
    id="aha_heart_attack",
    short="AHA: Warning signs of a heart attack",
    authors="American Heart Association",
    title="Warning Signs of a Heart Attack",
    where="heart.org",
    url="https://www.heart.org/en/health-topics/heart-attack/warning-signs-of-a-heart-attack",
    accessed=ACCESSED,
)
MAYO_HYPONATREMIA = Source(
    id="mayo_hyponatremia",
    short="Mayo Clinic: Hyponatremia",
    authors="Mayo Clinic",
    title="Hyponatremia: symptoms and causes",
    where="mayoclinic.org",
    url="https://www.mayoclinic.org/diseases-conditions/hyponatremia/symptoms-causes/syc-20373711",
    accessed=ACCESSED,
)
MAYO_MUSCLE_WEAKNESS = Source(
    id="mayo_muscle_weakness",
    short="Mayo Clinic: Muscle weakness",
    authors="Mayo Clinic",
    title="Muscle weakness: when to see a doctor",
    where="mayoclinic.org",
    url="https://www.mayoclinic.org/symptoms/muscle-weakness/basics/when-to-see-doctor/sym-20050803",
    accessed=ACCESSED,
)

SOURCES: dict[str, Source] = {
    source.id: source for source in (value for value in dict(globals()).values() if isinstance(value, Source))
}


def get(source_id: str) -> Source:
    """The source with this id; a `KeyError` that lists the valid ids otherwise."""
    try:
        return SOURCES[source_id]
    except KeyError:
        raise KeyError(
            f"Unknown source {source_id!r}. Known sources: {', '.join(sorted(SOURCES))}."
        ) from None
