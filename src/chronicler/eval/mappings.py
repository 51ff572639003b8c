"""Code-list facts used to score against gold sets that do not speak PLOVER.

* CAMEO → PLOVER: written in our own form (a type per CAMEO root plus the codes that move to
  another type), consistent with the PLOVER project's CAMEO2PLOVER table (2021-09-17, CC BY-SA
  4.0). That table has no rows for CAMEO 01 (public statements) and 02 (appeals): PLOVER codes no
  statement events, and its REQUEST covers "all requests, demands, and orders", so 02x → REQUEST.
* PLOVER and CAMEO → the four quad classes (the 5-way sentence label adds 0 = no event).
* ACLED sub-event types (CASE 2021) → PLOVER, documented row by row below.
"""

from __future__ import annotations

from .gold import ANY_TYPE

# --- CAMEO ------------------------------------------------------------------------------------

#: Every CAMEO code (CAMEO 1.1b3) this module maps: roots 01-20, their 3-digit codes and the
#: 4-digit sub-codes. Anything else (PETRARCH's test-only 21x/22x/90x/91x codes, validation
#: dictionary codes such as 345 or 174K) is not CAMEO and is not mapped.
_CAMEO_CODE_LIST = """
010 011 012 013 014 015 016 017 018 019
020 021 0211 0212 0213 0214 022 023 0231 0232 0233 0234 024 0241 0242 0243 0244
025 0251 0252 0253 0254 0255 0256 026 027 028
030 031 0311 0312 0313 0314 032 033 0331 0332 0333 0334 034 0341 0342 0343 0344
035 0351 0352 0353 0354 0355 0356 036 037 038 039
040 041 042 043 044 045 046
050 051 052 053 054 055 056 057
060 061 062 063 064
070 071 072 073 074 075
080 081 0811 0812 0813 0814 082 083 0831 0832 0833 0834 084 0841 0842 085 086 0861 0862
0863 087 0871 0872 0873 0874
090 091 092 093 094
100 101 1011 1012 1013 1014 102 103 1031 1032 1033 1034 104 1041 1042 1043 1044
105 1051 1052 1053 1054 1055 1056 106 107 108
110 111 112 1121 1122 1123 1124 1125 113 114 115 116
120 121 1211 1212 1213 1214 122 1221 1222 1223 1224 123 1231 1232 1233 1234
124 1241 1242 1243 1244 1245 1246 125 126 127 128 129
130 131 1311 1312 1313 132 1321 1322 1323 1324 133 134 135 136 137 138 1381 1382 1383
1384 1385 139
140 141 1411 1412 1413 1414 142 1421 1422 1423 1424 143 1431 1432 1433 1434
144 1441 1442 1443 1444 145 1451 1452 1453 1454
150 151 152 153 154
160 161 162 1621 1622 1623 163 164 165 166 1661 1662 1663
170 171 1711 1712 172 1721 1722 1723 1724 173 174 175
180 181 182 1821 1822 1823 183 1831 1832 1833 184 185 186
190 191 192 193 194 195 196
200 201 202 203 204 2041 2042
"""
CAMEO_CODES = frozenset(_CAMEO_CODE_LIST.split())

#: The PLOVER type of every code under a CAMEO root (None: no PLOVER event).
_ROOT_TYPE: dict[str, str | None] = {
    "01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST",
    "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}

#: Codes (and the codes under them) whose PLOVER type differs from their root's.
_MOVED: dict[str, str] = {
    # 08 Yield: material concessions are RETREAT, verbal ones stay CONCEDE.
    "0813": "RETREAT", "0814": "RETREAT",            # ease curfew / state of emergency
    "084": "RETREAT", "085": "RETREAT",              # return/release; ease economic sanctions
    "086": "RETREAT", "087": "RETREAT",              # allow involvement; de-escalate militarily
    "163": "COERCE",                                 # impose embargo, boycott or sanctions
    "1712": "ASSAULT",                               # destroy property
    "175": "ASSAULT",                                # violent repression
    "191": "COERCE", "192": "COERCE",                # blockade; occupy territory
}


def cameo_root(code: str | None) -> str | None:
    """The two-digit root of a CAMEO code ("0871" → "08"), or None when it is not CAMEO."""
    if not code:
        return None
    code = code.strip()
    root = code[:2]
    if code in CAMEO_CODES or (len(code) == 2 and root in _ROOT_TYPE):
        return root
    return None


def is_cameo(code: str | None) -> bool:
    """Whether ``code`` is a CAMEO code this module knows (root or full code)."""
    return cameo_root(code) is not None


def cameo_to_plover(code: str) -> str | None:
    """PLOVER type of a CAMEO code; None for statements (01x) and for codes that are not CAMEO."""
    code = code.strip()
    if not is_cameo(code):
        return None
    for cut in range(len(code), 2, -1):
        moved = _MOVED.get(code[:cut])
        if moved:
            return moved
    return _ROOT_TYPE[code[:2]]


# --- quad classes -----------------------------------------------------------------------------

NO_EVENT, VERBAL_COOP, MATERIAL_COOP, VERBAL_CONFLICT, MATERIAL_CONFLICT = range(5)
PENTACLASS_NAMES = ("none", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict")

#: Quad class of each PLOVER type, as the PLOVER manual v2 gives it ("Quad category").
PLOVER_QUAD: dict[str, int] = {
    "AGREE": VERBAL_COOP, "CONSULT": VERBAL_COOP, "SUPPORT": VERBAL_COOP, "CONCEDE": VERBAL_COOP,
    "COOPERATE": MATERIAL_COOP, "AID": MATERIAL_COOP, "RETREAT": MATERIAL_COOP,
    "REQUEST": VERBAL_CONFLICT, "ACCUSE": VERBAL_CONFLICT, "REJECT": VERBAL_CONFLICT,
    "THREATEN": VERBAL_CONFLICT,
    "PROTEST": MATERIAL_CONFLICT, "SANCTION": MATERIAL_CONFLICT, "MOBILIZE": MATERIAL_CONFLICT,
    "COERCE": MATERIAL_CONFLICT, "ASSAULT": MATERIAL_CONFLICT,
}


def cameo_quad(root: str) -> int:
    """Quad class of a CAMEO root by the usual convention (GDELT's QuadClass): 02-05 verbal
    cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict.
    01 (public statements) is "no event" here, as in the 5-way sentence label."""
    n = int(root)
    if n <= 1:
        return NO_EVENT
    if n <= 5:
        return VERBAL_COOP
    if n <= 8:
        return MATERIAL_COOP
    if n <= 13:
        return VERBAL_CONFLICT
    return MATERIAL_CONFLICT


#: The 5-way sentence labels of CAMEO-coded sets (ConfliBERT's CAMEO data) follow the Phoenix /
#: OEDA PentaClass, which differs from GDELT's QuadClass in two roots: 02 (appeals) is neutral
#: with 01 (public statements), and 16 (reduce relations) is verbal conflict.
PENTACLASS_ROOT: dict[str, int] = {"01": NO_EVENT, "02": NO_EVENT, "16": VERBAL_CONFLICT}


def event_quad(plover_type: str, cameo: str | None = None, *, scheme: str = "penta") -> int:
    """Class of a predicted event: by its CAMEO root when it has a CAMEO code, else by the
    PLOVER manual's quad category of its type. ``scheme="penta"`` is the Phoenix PentaClass of
    the CAMEO 5-way sentence sets (02 appeals neutral, 16 verbal conflict); ``"quad"`` is
    GDELT's QuadClass (02 verbal cooperation, 16 material conflict)."""
    root = cameo_root(cameo)
    if root is not None:
        if scheme == "penta" and root in PENTACLASS_ROOT:
            return PENTACLASS_ROOT[root]
        return cameo_quad(root)
    return PLOVER_QUAD.get(plover_type, NO_EVENT)


# --- ACLED (CASE 2021) ------------------------------------------------------------------------

#: The item is scored as "no political event": anything predicted is a false alarm.
NO_POLITICAL_EVENT: tuple[str, ...] = ()
#: The item is left out of event scoring (its gold class says nothing about event types).
UNSCORED = None

#: ACLED sub-event type → acceptable PLOVER types (first = primary). Rationale per row:
ACLED_TO_PLOVER: dict[str, tuple[str, ...] | None] = {
    # Battles: armed fighting between organised groups is PLOVER ASSAULT, whatever the outcome.
    "Armed clash": ("ASSAULT",),
    "Government regains territory": ("ASSAULT",),
    "Non-state actor overtakes territory": ("ASSAULT",),
    # Explosions/Remote violence: all ASSAULT (modes explosives, heavy-weapons, suicide-attack).
    "Air/drone strike": ("ASSAULT",),
    "Chemical weapon": ("ASSAULT",),
    "Grenade": ("ASSAULT",),
    "Remote explosive/landmine/IED": ("ASSAULT",),
    "Shelling/artillery/missile attack": ("ASSAULT",),
    "Suicide bomb": ("ASSAULT",),
    # Violence against civilians: ASSAULT (modes abduct, sexual, targeted ...).
    "Abduction/forced disappearance": ("ASSAULT",),
    "Attack": ("ASSAULT",),
    "Sexual violence": ("ASSAULT",),
    # Protests: the demonstration is PROTEST; forcible dispersal is COERCE; lethal or injurious
    # force against protesters is violent repression, which PLOVER codes ASSAULT (CAMEO 175).
    "Peaceful protest": ("PROTEST",),
    "Protest with intervention": ("PROTEST", "COERCE"),
    "Excessive force against protesters": ("ASSAULT", "PROTEST", "COERCE"),
    # Riots: a violent demonstration is PROTEST mode riot (CAMEO 145); mob violence against
    # people is ASSAULT.
    "Violent demonstration": ("PROTEST", "ASSAULT"),
    "Mob violence": ("ASSAULT", "PROTEST"),
    # Strategic developments.
    "Agreement": ("AGREE", "SUPPORT", "RETREAT"),    # ceasefires, deals, prisoner exchanges
    "Arrests": ("COERCE",),                          # mode arrest
    "Change to group/activity": ("MOBILIZE", "RETREAT"),  # deployments, pull-backs
    "Disrupted weapons use": ("COERCE",),            # seizures, defusals: mode seize
    "Headquarters or base established": ("MOBILIZE",),
    "Looting/property destruction": ("ASSAULT", "COERCE"),  # destroy / seize
    "Non-violent transfer of territory": ("RETREAT", "COERCE"),  # withdraw / occupy
    "Other": UNSCORED,                               # a residual class: no type to expect
}

#: ACLED sub-event type → the PLOVER modes of its primary type that it implies (manual v2
#: mode definitions). Sub-types that do not fix a mode (an armed clash may use any weapon)
#: have no row; mode accuracy is scored only where a row exists.
ACLED_MODES: dict[str, tuple[str, ...]] = {
    "Air/drone strike": ("aerial", "drone"),
    "Chemical weapon": ("unconventional",),
    "Grenade": ("explosives",),
    "Remote explosive/landmine/IED": ("explosives",),
    "Shelling/artillery/missile attack": ("heavy-weapons",),
    "Suicide bomb": ("suicide-attack",),
    "Abduction/forced disappearance": ("abduct",),
    "Sexual violence": ("sexual",),
    "Excessive force against protesters": ("crowd-control", "firearms", "beat"),
    "Arrests": ("arrest",),
    "Disrupted weapons use": ("seize",),
}

#: CASE 2021 classes outside ACLED (their ``acled_sub_event_type`` is null).
CASE_EXTRA_TO_PLOVER: dict[str, tuple[str, ...] | None] = {
    "NATURAL_DISASTER": NO_POLITICAL_EVENT,
    "MAN_MADE_DISASTER": NO_POLITICAL_EVENT,   # accidents, spills, crashes
    "ORG_CRIME": NO_POLITICAL_EVENT,           # ordinary crime (the task's brief: no event)
    "DIPLO": (ANY_TYPE,),                      # sanctions, expulsions, condemnations: some type
    "ATTRIB": (ANY_TYPE,),                     # claims of responsibility for attacks
}


def acled_to_plover(sub_event_type: str | None, label: str | None = None
                    ) -> tuple[str, ...] | None:
    """Acceptable PLOVER types of a CASE 2021 item; ``()`` = no political event; None =
    unscored. Raises KeyError for a class this table does not know (so it gets a row)."""
    if sub_event_type:
        return ACLED_TO_PLOVER[sub_event_type]
    return CASE_EXTRA_TO_PLOVER[label or ""]
