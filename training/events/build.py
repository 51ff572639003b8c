"""Build chronicler's own annotated event corpus (``training/events/corpus.jsonl``).

    python training/events/build.py        # deterministic: the same script gives the same file

Every sentence is composed here from templates written for chronicler, one group per PLOVER v2
type and mode (CAMEO code by code, following the types' definitions), each with its own verbs,
nouns, phrasal and headline forms; actors, places and days are drawn from small pools of real
countries and organisations and invented people. Each template's verb is also put in negated,
future, hypothetical, reported, refused / agreed / threatened / requested forms, annotated by
PLOVER's rules (a future or promised cooperative act is AGREE, a refused one REJECT, a threatened
conflict act THREATEN, a request for it REQUEST). Many sentences carry no event: comments,
opinions, descriptions, background, statistics, reports, disasters, accidents and ordinary crime.
Nothing here is taken from an evaluation set.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("corpus.jsonl")

STATES = ["Kenya", "Turkey", "Brazil", "Indonesia", "Germany", "Pakistan", "Nigeria", "Mexico",
          "Japan", "Egypt", "Poland", "Ukraine", "Iran", "Ethiopia", "Colombia", "Vietnam",
          "Morocco", "Chile", "Canada", "Sweden", "Saudi Arabia", "South Africa", "India",
          "China", "Russia", "the United States", "France", "Israel", "Jordan", "Qatar",
          "Algeria", "Peru", "Sudan", "Somalia", "Thailand", "Britain", "Italy", "Spain",
          "Argentina", "Ghana", "Uganda", "Iraq", "Syria", "Lebanon", "Afghanistan", "Bangladesh",
          "Venezuela", "Serbia", "Greece", "Tunisia"]
ADJ = {"Kenya": "Kenyan", "Turkey": "Turkish", "Brazil": "Brazilian", "Indonesia": "Indonesian",
       "Germany": "German", "Pakistan": "Pakistani", "Nigeria": "Nigerian", "Mexico": "Mexican",
       "Japan": "Japanese", "Egypt": "Egyptian", "Poland": "Polish", "Ukraine": "Ukrainian",
       "Iran": "Iranian", "Ethiopia": "Ethiopian", "Colombia": "Colombian",
       "Vietnam": "Vietnamese", "Morocco": "Moroccan", "Chile": "Chilean", "Canada": "Canadian",
       "Sweden": "Swedish", "Saudi Arabia": "Saudi", "South Africa": "South African",
       "India": "Indian", "China": "Chinese", "Russia": "Russian",
       "the United States": "U.S.", "France": "French", "Israel": "Israeli",
       "Jordan": "Jordanian", "Qatar": "Qatari", "Algeria": "Algerian", "Peru": "Peruvian",
       "Sudan": "Sudanese", "Somalia": "Somali", "Thailand": "Thai", "Britain": "British",
       "Italy": "Italian", "Spain": "Spanish", "Argentina": "Argentine", "Ghana": "Ghanaian",
       "Uganda": "Ugandan", "Iraq": "Iraqi", "Syria": "Syrian", "Lebanon": "Lebanese",
       "Afghanistan": "Afghan", "Bangladesh": "Bangladeshi", "Venezuela": "Venezuelan",
       "Serbia": "Serbian", "Greece": "Greek", "Tunisia": "Tunisian"}
CITY = {"Kenya": "Nairobi", "Turkey": "Ankara", "Brazil": "Brasilia", "Indonesia": "Jakarta",
        "Germany": "Berlin", "Pakistan": "Islamabad", "Nigeria": "Abuja", "Mexico": "Mexico City",
        "Japan": "Tokyo", "Egypt": "Cairo", "Poland": "Warsaw", "Ukraine": "Kyiv",
        "Iran": "Tehran", "Ethiopia": "Addis Ababa", "Colombia": "Bogota", "Vietnam": "Hanoi",
        "Morocco": "Rabat", "Chile": "Santiago", "Canada": "Ottawa", "Sweden": "Stockholm",
        "Saudi Arabia": "Riyadh", "South Africa": "Pretoria", "India": "New Delhi",
        "China": "Beijing", "Russia": "Moscow", "the United States": "Washington",
        "France": "Paris", "Israel": "Jerusalem", "Jordan": "Amman", "Qatar": "Doha",
        "Algeria": "Algiers", "Peru": "Lima", "Sudan": "Khartoum", "Somalia": "Mogadishu",
        "Thailand": "Bangkok", "Britain": "London", "Italy": "Rome", "Spain": "Madrid",
        "Argentina": "Buenos Aires", "Ghana": "Accra", "Uganda": "Kampala", "Iraq": "Baghdad",
        "Syria": "Damascus", "Lebanon": "Beirut", "Afghanistan": "Kabul", "Bangladesh": "Dhaka",
        "Venezuela": "Caracas", "Serbia": "Belgrade", "Greece": "Athens", "Tunisia": "Tunis"}
TOWNS = ["Mandera", "Kirkuk", "Maiduguri", "Idlib", "Kandahar", "Mosul", "Goma", "Timbuktu",
         "Gao", "Benghazi", "Aden", "Marib", "Hodeidah", "Kidal", "Beni", "Bunia", "Raqqa",
         "Deir ez-Zor", "Quetta", "Peshawar", "Mogadishu", "Kismayo", "Tripoli", "Misrata",
         "Mariupol", "Kharkiv", "Donetsk", "Herat", "Jalalabad", "Cotabato", "Marawi", "Zamboanga",
         "Sittwe", "Lashio", "Juba", "Malakal", "El Fasher", "Nyala", "Diffa", "Ouagadougou",
         "Djibo", "Bamenda", "Buea", "Tigray's capital Mekelle", "Cali", "Cucuta", "Tumaco",
         "Sinaloa", "Culiacan", "Port Harcourt"]
FIRST = ["Amina", "Jorge", "Tomasz", "Hiroshi", "Leila", "Pieter", "Samuel", "Farid", "Elena",
         "Carlos", "Nadia", "Olusegun", "Min-jun", "Mehmet", "Sofia", "Rashid", "Ingrid",
         "Kwame", "Lucia", "Dmitri", "Aisha", "Rafael", "Yusuf", "Marta", "Arjun", "Thabo",
         "Haruto", "Fatima", "Giorgos", "Bilal"]
LAST = ["Diallo", "Salcedo", "Nowak", "Tanaka", "Haddad", "de Vries", "Otieno", "Karimi",
        "Petrova", "Mendes", "Rahman", "Adeyemi", "Kim", "Aydin", "Lindqvist", "Barzani",
        "Okafor", "Mensah", "Ferreira", "Volkov", "Abdi", "Quispe", "Celik", "Kowalski",
        "Sharma", "Ndlovu", "Sato", "Mansour", "Papadakis", "Siddiqui"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister",
          "Interior Minister", "Trade Minister"]
ORGS = ["the United Nations", "the European Union", "NATO", "the African Union",
        "the World Bank", "the International Monetary Fund", "the Red Cross",
        "the UN Security Council", "Amnesty International", "Human Rights Watch", "ASEAN",
        "the Arab League", "UNICEF", "the World Health Organization",
        "the UN refugee agency", "the World Food Programme"]
ARMED = ["rebels", "Islamist militants", "the insurgents", "separatist fighters", "gunmen",
         "a local militia", "suspected jihadists", "armed men", "militants", "rebel fighters",
         "al-Shabaab fighters", "Taliban fighters", "Boko Haram fighters", "an armed group"]
FORCES = ["government troops", "the army", "security forces", "soldiers", "the military",
          "government forces", "pro-government militias", "the air force"]
POLICE = ["police", "riot police", "security forces", "anti-riot police", "paramilitary police",
          "the police"]
CIVIL = ["protesters", "students", "workers", "farmers", "residents", "opposition supporters",
         "teachers", "doctors", "demonstrators", "activists", "truck drivers", "nurses",
         "market traders", "miners", "university students", "women's groups"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "late on Tuesday", "early on Friday", "last week", "overnight"]
SPEAKERS = ["a government spokesman", "officials", "state media", "the ministry",
            "local officials", "witnesses", "a military spokesman", "the state news agency",
            "diplomats", "a senior official"]
NUMS = ["two", "three", "five", "seven", "12", "15", "20", "dozens of", "several", "40"]
ISSUES = ["trade", "border security", "the refugee crisis", "energy cooperation",
          "the peace process", "water sharing", "regional security", "climate change",
          "counterterrorism", "nuclear cooperation", "the migrant crisis", "investment"]


def person(rng: random.Random, country: str) -> str:
    title = rng.choice(TITLES)
    return f"{ADJ[country]} {title} {rng.choice(FIRST)} {rng.choice(LAST)}"


def official(rng: random.Random, country: str) -> str:
    return rng.choice([f"the {ADJ[country]} government", f"the {ADJ[country]} foreign ministry",
                       person(rng, country), country, country, f"{ADJ[country]} officials",
                       f"the {ADJ[country]} prime minister", f"the {ADJ[country]} president"])


class Pools:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def fill(self) -> dict[str, str]:
        r = self.rng
        a, b, c = r.sample(STATES, 3)
        return {"S": official(r, a), "T": official(r, b), "Sc": a, "Tc": b, "Uc": c,
                "Sa": ADJ[a], "Ta": ADJ[b], "Tcity": CITY[b], "Scity": CITY[a],
                "O": r.choice(ORGS), "A": r.choice(ARMED), "F": r.choice(FORCES),
                "Pol": r.choice(POLICE), "C": r.choice(CIVIL), "P": r.choice(TOWNS),
                "D": r.choice(DAYS), "R": r.choice(SPEAKERS), "N": r.choice(NUMS),
                "I": r.choice(ISSUES), "Pn": f"{r.choice(FIRST)} {r.choice(LAST)}"}


# A template: (cameo, mode or None, text, verb forms (base, past, participle) or None, source slot,
# target slot). The verb forms stand for "{V}" in the text; with them the template also yields
# negated/future/hypothetical/reported/refused/agreed/threatened/requested variants.
T = tuple

TEMPLATES: dict[str, list[T]] = {
    "CONSULT": [
        ("040", None, "{S} {V} {T} in {Tcity} {D} to discuss {I}.", ("meet", "met", "met"), "S", "T"),
        ("040", None, "{S} {V} talks with {T} {D} on {I}.", ("hold", "held", "held"), "S", "T"),
        ("040", None, "{S} {V} {I} with {T} at a meeting in {Uc}.", ("discuss", "discussed", "discussed"), "S", "T"),
        ("040", "multilateral", "{S} {V} {T} on the sidelines of {O} summit.", ("meet", "met", "met"), "S", "T"),
        ("041", "phone", "{S} {V} {T} by telephone {D} about {I}.", ("speak with", "spoke with", "spoken with"), "S", "T"),
        ("041", "phone", "{S} {V} {T} to discuss the crisis.", ("phone", "phoned", "phoned"), "S", "T"),
        ("041", "phone", "{S} {V} a video call with {T} on {I}.", ("hold", "held", "held"), "S", "T"),
        ("042", "visit", "{S} {V} {Tc} {D}, the first such trip in a decade.", ("visit", "visited", "visited"), "S", "Tc"),
        ("042", "visit", "{S} {V} in {Tcity} on a two-day official visit.", ("arrive", "arrived", "arrived"), "S", "Tcity"),
        ("043", "visit", "{Tc} {V} {S} in {Tcity} for talks on {I}.", ("host", "hosted", "hosted"), "S", "Tc"),
        ("043", "visit", "{T} {V} a delegation from {Sc} at the presidential palace.", ("receive", "received", "received"), "Sc", "T"),
        ("044", "third-party", "Delegations from {Sc} and {Tc} {V} in Geneva under UN auspices.", ("meet", "met", "met"), "Sc", "Tc"),
        ("046", None, "{S} {V} with {T} over the release of detainees.", ("negotiate", "negotiated", "negotiated"), "S", "T"),
        ("046", None, "Negotiators from {Sc} and {Tc} {V} a new round of talks in {Uc}.", ("begin", "began", "begun"), "Sc", "Tc"),
        ("040", None, "{S} {V} with {T} on {I}.", ("consult", "consulted", "consulted"), "S", "T"),
        ("040", None, "{S} in talks with {T} over {I}", None, "S", "T"),
        ("040", None, "{S} meets {T} as tensions rise over {I}", None, "S", "T"),
        ("042", "visit", "{Sa} leader in {Tc} for first visit since election", None, "Sa", "Tc"),
        ("040", None, "Talks between {Sc} and {Tc} on {I} ended in {Uc} {D} without a deal.", None, "Sc", "Tc"),
        ("040", None, "{S} and {T} held a closed-door meeting {D}.", None, "S", "T"),
        ("046", None, "{S} and {A} resumed peace negotiations in {Uc} {D}.", None, "S", "A"),
        ("040", None, "{O} envoy {Pn} met rebel commanders in {P} {D}.", None, "O", "A"),
    ],
    "SUPPORT": [
        ("051", None, "{S} {V} {T} for its handling of {I}.", ("praise", "praised", "praised"), "S", "T"),
        ("051", None, "{S} {V} {T} for its role in the peace talks.", ("commend", "commended", "commended"), "S", "T"),
        ("051", None, "{S} {V} {T} for its support during the crisis.", ("thank", "thanked", "thanked"), "S", "T"),
        ("051", None, "{S} {V} {T} on its successful elections.", ("congratulate", "congratulated", "congratulated"), "S", "T"),
        ("050", None, "{S} {V} support for {T} in its dispute with {Uc}.", ("express", "expressed", "expressed"), "S", "T"),
        ("050", None, "{S} {V} diplomatic relations with {Tc} after a five-year break.", ("restore", "restored", "restored"), "S", "Tc"),
        ("057", None, "{S} {V} a defence cooperation agreement with {T} {D}.", ("sign", "signed", "signed"), "S", "T"),
        ("057", None, "{Sc} and {Tc} {V} a free trade agreement in {Tcity}.", ("sign", "signed", "signed"), "Sc", "Tc"),
        ("057", None, "{S} {V} the border treaty with {Tc}.", ("ratify", "ratified", "ratified"), "S", "Tc"),
        ("054", None, "{S} formally {V} the new government of {Tc}.", ("recognise", "recognised", "recognised"), "S", "Tc"),
        ("055", None, "{S} {V} to {T} for the killing of two fishermen by its coast guard.", ("apologise", "apologised", "apologised"), "S", "T"),
        ("052", None, "{S} {V} {T} against criticism from Western governments.", ("defend", "defended", "defended"), "S", "T"),
        ("051", None, "{S} {V} {T}'s plan to hold early elections.", ("welcome", "welcomed", "welcomed"), "S", "T"),
        ("051", None, "{S} {V} the candidacy of {Tc} for a seat on the Security Council.", ("endorse", "endorsed", "endorsed"), "S", "Tc"),
        ("050", None, "{S} {V} its backing for {T} in talks with the IMF.", ("reaffirm", "reaffirmed", "reaffirmed"), "S", "T"),
        ("050", None, "{S} {V} {Tc} as a strategic partner.", ("hail", "hailed", "hailed"), "S", "Tc"),
        ("050", None, "{S} backs {T} in row with {Uc}", None, "S", "T"),
        ("057", None, "{Sc}, {Tc} sign deal on {I}", None, "Sc", "Tc"),
        ("051", None, "{S} voiced solidarity with the people of {Tc} after the earthquake.", None, "S", "Tc"),
        ("050", None, "{S} and {T} upgraded their relations to a strategic partnership.", None, "S", "T"),
    ],
    "AGREE": [
        ("036", None, "{S} {V} to hold talks with {T} on {I}.", ("agree", "agreed", "agreed"), "S", "T"),
        ("039", None, "{S} {V} to mediate between {Tc} and {Uc}.", ("offer", "offered", "offered"), "S", "Tc"),
        ("033", None, "{S} {V} to provide economic aid to {Tc}.", ("promise", "promised", "promised"), "S", "Tc"),
        ("031", None, "{S} {V} to cooperate with {T} on {I}.", ("pledge", "pledged", "pledged"), "S", "T"),
        ("036", None, "{S} {V} willingness to negotiate with {T}.", ("express", "expressed", "expressed"), "S", "T"),
        ("036", None, "{S} {V} an invitation from {T} to visit {Tcity}.", ("accept", "accepted", "accepted"), "S", "T"),
        ("030", None, "{Sc} and {Tc} {V} an agreement on {I} after months of talks.", ("reach", "reached", "reached"), "Sc", "Tc"),
        ("033", None, "{S} {V} {Tc} a loan of $2 billion to shore up its currency.", ("offer", "offered", "offered"), "S", "Tc"),
        ("032", None, "{S} {V} to support {Tc}'s bid to join the bloc.", ("vow", "vowed", "vowed"), "S", "Tc"),
        ("030", None, "{S} {V} to work with {T} to reopen the border.", ("commit", "committed", "committed"), "S", "T"),
        ("036", None, "{S} said it will meet {T} next month in {Uc}.", None, "S", "T"),
        ("033", None, "{S} said it would send humanitarian aid to {Tc}.", None, "S", "Tc"),
        ("031", None, "{S} said it was ready to cooperate with {T} on {I}.", None, "S", "T"),
        ("036", None, "{S} to visit {Tc} next week", None, "S", "Tc"),
        ("030", None, "{S} agrees to {T}'s proposal for a joint commission", None, "S", "T"),
        ("030", None, "{S} signalled readiness to sign a trade pact with {Tc}.", None, "S", "Tc"),
    ],
    "CONCEDE": [
        ("081", None, "{S} {V} restrictions on foreign media.", ("ease", "eased", "eased"), "S", None),
        ("0812", None, "{S} {V} a ban on opposition parties.", ("lift", "lifted", "lifted"), "S", None),
        ("083", None, "{S} {V} to the protesters' demand for early elections.", ("accede", "acceded", "acceded"), "S", "C"),
        ("083", None, "{S} {V} on the fuel price increase after weeks of protests.", ("back down", "backed down", "backed down"), "S", None),
        ("083", None, "{S} {V} to pressure from the unions and raised the minimum wage.", ("yield", "yielded", "yielded"), "S", None),
        ("0832", None, "{S} {V} in to demands to dismiss the interior minister.", ("give", "gave", "given"), "S", None),
        ("082", None, "Unions {V} off the nationwide strike after talks with {T}.", ("call", "called", "called"), "C", "T"),
        ("080", None, "{S} {V} concessions to {T} on fishing rights.", ("offer", "offered", "offered"), "S", "T"),
        ("081", None, "{S} {V} travel restrictions on opposition politicians.", ("relax", "relaxed", "relaxed"), "S", None),
        ("0831", None, "{S} {V} to reform the electoral law as demanded by the opposition.", ("agree", "agreed", "agreed"), "S", None),
        ("080", None, "{S} {V} its claim to the disputed islands.", ("drop", "dropped", "dropped"), "S", None),
        ("081", None, "{S} {V} the charges against jailed opposition leader {Pn}.", ("drop", "dropped", "dropped"), "S", "Pn"),
        ("081", None, "{S} makes concessions to striking {C}", None, "S", "C"),
        ("083", None, "{S} scraps unpopular tax after protests", None, "S", None),
        ("082", None, "Opposition parties suspended their protests to allow talks with {T}.", None, "C", "T"),
    ],
    "COOPERATE": [
        ("062", None, "{Sc} and {Tc} {V} joint military exercises near the border.", ("hold", "held", "held"), "Sc", "Tc"),
        ("063", None, "{S} {V} a terrorism suspect to {Tc}.", ("extradite", "extradited", "extradited"), "S", "Tc"),
        ("063", None, "{S} {V} two wanted suspects to the authorities of {Tc}.", ("hand over", "handed over", "handed over"), "S", "Tc"),
        ("064", None, "{S} {V} intelligence with {T} on militant networks.", ("share", "shared", "shared"), "S", "T"),
        ("061", None, "{S} {V} trade with {Tc} after a two-year freeze.", ("resume", "resumed", "resumed"), "S", "Tc"),
        ("062", None, "The navies of {Sc} and {Tc} {V} joint patrols in the strait.", ("launch", "launched", "launched"), "Sc", "Tc"),
        ("061", None, "{S} {V} importing gas from {Tc} under a new contract.", ("begin", "began", "begun"), "S", "Tc"),
        ("060", None, "{Sa} police {V} with {Ta} investigators to dismantle a smuggling ring.", ("work", "worked", "worked"), "Sa", "Ta"),
        ("061", None, "{Sc} and {Tc} {V} a joint venture to build a railway.", ("set up", "set up", "set up"), "Sc", "Tc"),
        ("062", None, "{Sa} and {Ta} troops {V} a joint operation against {A}.", ("conduct", "conducted", "conducted"), "Sa", "Ta"),
        ("060", None, "{Sc} and {Tc} {V} their cooperation in the fight against drug trafficking.", ("expand", "expanded", "expanded"), "Sc", "Tc"),
        ("061", None, "{Sc} and {Tc} reopened their border to commercial traffic {D}.", None, "Sc", "Tc"),
        ("062", None, "{Sc}, {Tc} stage joint naval drills", None, "Sc", "Tc"),
        ("063", None, "{Sa} authorities deported a fugitive banker wanted in {Tc} at its request.", None, "Sa", "Tc"),
        ("064", None, "{Sc} and {Tc} exchanged prisoners' lists as part of their security cooperation.", None, "Sc", "Tc"),
    ],
    "AID": [
        ("073", None, "{S} {V} 20 tonnes of food aid to {Tc}.", ("send", "sent", "sent"), "S", "Tc"),
        ("073", None, "{S} {V} medical supplies to flood victims in {Tc}.", ("deliver", "delivered", "delivered"), "S", "Tc"),
        ("071", None, "{S} {V} $50 million in economic assistance to {Tc}.", ("provide", "provided", "provided"), "S", "Tc"),
        ("072", None, "{S} {V} {Tc} with air defence systems.", ("supply", "supplied", "supplied"), "S", "Tc"),
        ("073", None, "{S} {V} two million vaccine doses to {Tc}.", ("donate", "donated", "donated"), "S", "Tc"),
        ("075", None, "{S} {V} asylum to the exiled {Ta} opposition leader.", ("grant", "granted", "granted"), "S", "Ta"),
        ("071", None, "{S} {V} {Tc} a $300 million loan to pay for imports.", ("give", "gave", "given"), "S", "Tc"),
        ("074", None, "{S} {V} peacekeepers to {Tc} under a UN mandate.", ("deploy", "deployed", "deployed"), "S", "Tc"),
        ("073", None, "{S} {V} tents and blankets to earthquake survivors in {Tc}.", ("airlift", "airlifted", "airlifted"), "S", "Tc"),
        ("072", None, "{S} {V} weapons and ammunition to {Ta} forces.", ("ship", "shipped", "shipped"), "S", "Ta"),
        ("072", None, "{Sa} instructors {V} {Ta} soldiers in counterinsurgency tactics.", ("train", "trained", "trained"), "Sa", "Ta"),
        ("070", None, "{S} {V} emergency funding for refugees in {Tc}.", ("approve", "approved", "approved"), "S", "Tc"),
        ("073", None, "{O} {V} food to 30,000 displaced people in {P}.", ("distribute", "distributed", "distributed"), "O", None),
        ("072", None, "{Tc} received military aid from {Sc} {D}.", None, "Sc", "Tc"),
        ("073", None, "{S} sends aid to quake-hit {Tc}", None, "S", "Tc"),
        ("071", None, "The World Bank disbursed a $400 million grant to {Tc} {D}.", None, "World Bank", "Tc"),
        ("075", None, "{Sc} gave refuge to thousands of people fleeing the fighting in {Tc}.", None, "Sc", "Tc"),
    ],
    "RETREAT": [
        ("0841", "release", "{S} {V} {N} political prisoners {D}.", ("release", "released", "released"), "S", None),
        ("0841", "release", "{A} {V} two foreign aid workers held since March.", ("free", "freed", "freed"), "A", None),
        ("0872", "withdraw", "{S} {V} its troops from {P}.", ("withdraw", "withdrew", "withdrawn"), "S", "P"),
        ("0872", "withdraw", "{A} {V} of {P} after weeks of fighting.", ("pull out", "pulled out", "pulled out"), "A", "P"),
        ("0842", "release", "{S} {V} the seized tanker to {Tc}.", ("return", "returned", "returned"), "S", "Tc"),
        ("0863", "access", "{S} {V} UN inspectors into the nuclear site.", ("allow", "allowed", "allowed"), "S", "O"),
        ("0861", "access", "{S} {V} a humanitarian corridor into {P}.", ("open", "opened", "opened"), "S", "P"),
        ("0873", "disarm", "Hundreds of {A} {V} their weapons to UN monitors.", ("hand over", "handed over", "handed over"), "A", "O"),
        ("0873", "disarm", "{A} in {P} {V} down their arms under the peace deal.", ("lay", "laid", "laid"), "A", None),
        ("0871", "ceasefire", "{S} and {A} {V} a truce in {P}.", ("observe", "observed", "observed"), "S", "A"),
        ("0813", None, "{S} {V} the curfew in {P}.", ("lift", "lifted", "lifted"), "S", "P"),
        ("0814", None, "{S} {V} the state of emergency imposed after the coup.", ("end", "ended", "ended"), "S", None),
        ("085", None, "{S} {V} sanctions on {Tc}.", ("ease", "eased", "eased"), "S", "Tc"),
        ("0841", "release", "{S} freed {N} detained protesters on bail.", None, "S", "C"),
        ("0841", "release", "Hostages freed after {A} release them in {P}", None, "A", None),
        ("0872", "withdraw", "{Sa} forces pulled back from the front line near {P} {D}.", None, "Sa", "P"),
        ("0841", "release", "{N} soldiers held by {A} were released in a prisoner swap {D}.", None, "A", "F"),
        ("0871", "ceasefire", "A ceasefire between {F} and {A} took effect at midnight.", None, "F", "A"),
        ("080", "resign", "{S} resigned {D} amid mounting pressure over the scandal.", None, "S", None),
        ("0862", "access", "{S} let aid convoys into besieged {P} for the first time in months.", None, "S", "P"),
    ],
    "REQUEST": [
        ("025", "yield", "{S} {V} {T} to release the detained activists.", ("call on", "called on", "called on"), "S", "T"),
        ("026", "meet", "{S} {V} {T} to return to the negotiating table.", ("urge", "urged", "urged"), "S", "T"),
        ("021", "assist", "{S} {V} {T} for emergency financial help.", ("ask", "asked", "asked"), "S", "T"),
        ("023", "assist", "{S} {V} for international aid after the floods.", ("appeal", "appealed", "appealed"), "S", None),
        ("105", "yield", "{S} {V} that {Tc} withdraw its troops from {P}.", ("demand", "demanded", "demanded"), "S", "Tc"),
        ("025", "yield", "{S} {V} for an immediate ceasefire in {P}.", ("call", "called", "called"), "S", None),
        ("024", "change", "{S} {V} {T} to hold free and fair elections.", ("press", "pressed", "pressed"), "S", "T"),
        ("026", "meet", "{S} {V} a meeting with {T} to discuss {I}.", ("request", "requested", "requested"), "S", "T"),
        ("1041", "change", "{C} {V} the resignation of the prime minister.", ("demand", "demanded", "demanded"), "C", None),
        ("020", None, "{S} {V} to {T} to show restraint.", ("appeal", "appealed", "appealed"), "S", "T"),
        ("024", "change", "{S} {V} {T} to investigate the killings.", ("urge", "urged", "urged"), "S", "T"),
        ("021", "assist", "{S} {V} {T} for help in rebuilding its power grid.", ("ask", "asked", "asked"), "S", "T"),
        ("025", "yield", "{S} {V} the lifting of sanctions imposed by {Tc}.", ("seek", "sought", "sought"), "S", "Tc"),
        ("026", "meet", "{S} calls for talks with {T} on {I}", None, "S", "T"),
        ("025", "yield", "{S} demands release of detained citizens from {Tc}", None, "S", "Tc"),
        ("023", "assist", "{S} made an urgent appeal for food aid for drought-hit regions.", None, "S", None),
        ("024", "change", "{S} said {Tc} must end its support for the militias.", None, "S", "Tc"),
        ("025", "yield", "\"{Tc} should free all political prisoners now,\" {S} said.", None, "S", "Tc"),
    ],
    "ACCUSE": [
        ("111", "disapprove", "{S} {V} {T} for the shelling of civilian areas.", ("condemn", "condemned", "condemned"), "S", "T"),
        ("111", "disapprove", "{S} {V} {T}'s decision to expel foreign journalists.", ("criticise", "criticised", "criticised"), "S", "T"),
        ("112", "allege", "{S} {V} {T} of violating the ceasefire.", ("accuse", "accused", "accused"), "S", "T"),
        ("112", "allege", "{S} {V} {T} for the collapse of the talks.", ("blame", "blamed", "blamed"), "S", "T"),
        ("111", "disapprove", "{S} {V} the new security law passed by {T}.", ("denounce", "denounced", "denounced"), "S", "T"),
        ("092", "investigate", "{S} {V} an investigation into the deaths of {N} protesters.", ("launch", "launched", "launched"), "S", None),
        ("092", "investigate", "{S} {V} an inquiry into alleged war crimes by {T}.", ("open", "opened", "opened"), "S", "T"),
        ("1121", "allege", "Prosecutors {V} former minister {Pn} with corruption.", ("charge", "charged", "charged"), "Prosecutors", "Pn"),
        ("115", "allege", "{S} {V} {T} at the International Court of Justice.", ("sue", "sued", "sued"), "S", "T"),
        ("114", "disapprove", "{S} {V} a formal complaint against {T} with the UN.", ("file", "filed", "filed"), "S", "T"),
        ("114", "disapprove", "{S} {V} a protest with {T} over the airspace violation.", ("lodge", "lodged", "lodged"), "S", "T"),
        ("111", "disapprove", "{S} {V} {T}'s treatment of ethnic minorities.", ("decry", "decried", "decried"), "S", "T"),
        ("112", "allege", "{S} condemns {T} over border killings", None, "S", "T"),
        ("111", "disapprove", "{S} called the {Ta} move a dangerous provocation.", None, "S", "Ta"),
        ("112", "allege", "{O} said {T} was responsible for the massacre.", None, "O", "T"),
        ("1121", "allege", "A court in {Scity} indicted {Pn} on charges of inciting violence.", None, "court", "Pn"),
        ("111", "disapprove", "{S} voiced strong criticism of {T}'s nuclear programme.", None, "S", "T"),
    ],
    "REJECT": [
        ("120", None, "{S} {V} {T}'s proposal for a joint commission.", ("reject", "rejected", "rejected"), "S", "T"),
        ("1211", "assist", "{S} {V} {T}'s request for military aid.", ("turn down", "turned down", "turned down"), "S", "T"),
        ("1231", "change", "{S} {V} calls from {T} to resign.", ("dismiss", "dismissed", "dismissed"), "S", "T"),
        ("129", None, "{S} {V} the UN resolution drafted by {Tc}.", ("veto", "vetoed", "vetoed"), "S", "Tc"),
        ("125", "meet", "{S} {V} out talks with {A}.", ("rule", "ruled", "ruled"), "S", "A"),
        ("125", "meet", "{S} {V} {T}'s invitation to the summit.", ("decline", "declined", "declined"), "S", "T"),
        ("128", "yield", "{S} {V} a court order to halt construction of the dam.", ("defy", "defied", "defied"), "S", None),
        ("1243", "yield", "{S} {V} demands by {T} to free the detained sailors.", ("rebuff", "rebuffed", "rebuffed"), "S", "T"),
        ("120", None, "{S} {V} {T}'s offer of talks as a publicity stunt.", ("spurn", "spurned", "spurned"), "S", "T"),
        ("120", None, "{S} {V} the peace plan put forward by {O}.", ("reject", "rejected", "rejected"), "S", "O"),
        ("1246", "yield", "{S} said it would not withdraw its forces from {P}.", None, "S", "P"),
        ("125", "meet", "{S} refused to meet {T} during the visit.", None, "S", "T"),
        ("1243", "yield", "{S} refused to hand over the suspects to {Tc}.", None, "S", "Tc"),
        ("120", None, "{S} rejects {T} demands over disputed waters", None, "S", "T"),
        ("121", "assist", "{S} said it had no intention of reopening the border to {Ta} goods.", None, "S", "Ta"),
        ("120", None, "{S} said the proposal from {T} was unacceptable and would not be considered.", None, "S", "T"),
    ],
    "THREATEN": [
        ("1312", "restrict", "{S} {V} to impose sanctions on {T}.", ("threaten", "threatened", "threatened"), "S", "T"),
        ("136", "expel", "{S} {V} to expel {Ta} diplomats.", ("threaten", "threatened", "threatened"), "S", "Ta"),
        ("138", "violence", "{S} {V} {T} of military action if it crossed the border.", ("warn", "warned", "warned"), "S", "T"),
        ("138", "violence", "{A} {V} to attack {Ta} forces in {P}.", ("threaten", "threatened", "threatened"), "A", "Ta"),
        ("1313", "relations", "{S} {V} to cut diplomatic ties with {Tc}.", ("threaten", "threatened", "threatened"), "S", "Tc"),
        ("1381", "restrict", "{S} {V} it would blockade {Ta} ports.", ("warn", "warned", "warned"), "S", "Ta"),
        ("139", "relations", "{S} {V} {T} an ultimatum to withdraw by Friday.", ("give", "gave", "given"), "S", "T"),
        ("1382", "territory", "{S} {V} to seize the disputed islands from {Tc}.", ("threaten", "threatened", "threatened"), "S", "Tc"),
        ("133", "relations", "{S} {V} to walk out of the talks with {T}.", ("threaten", "threatened", "threatened"), "S", "T"),
        ("138", "violence", "{A} {V} fresh attacks on the capital.", ("vow", "vowed", "vowed"), "A", None),
        ("130", "arrest", "{S} {V} to arrest opposition leaders who join the rally.", ("threaten", "threatened", "threatened"), "S", "C"),
        ("138", "violence", "{S} threatens strikes on {Ta} militants", None, "S", "Ta"),
        ("138", "violence", "{S} warned that {Tc} would pay a heavy price for any aggression.", None, "S", "Tc"),
        ("1312", "restrict", "{S} raised the threat of new tariffs on {Ta} imports.", None, "S", "Ta"),
    ],
    "PROTEST": [
        ("141", None, "Thousands of {C} {V} in {Tcity} against {T}'s economic policies.", ("protest", "protested", "protested"), "C", "T"),
        ("141", None, "{C} {V} outside parliament in {Scity} to demand higher wages.", ("rally", "rallied", "rallied"), "C", None),
        ("141", None, "{C} {V} through the centre of {Scity} {D} chanting anti-government slogans.", ("march", "marched", "marched"), "C", None),
        ("141", None, "Hundreds of {C} {V} a sit-in outside the ministry of labour.", ("stage", "staged", "staged"), "C", None),
        ("144", "obstruct", "{C} {V} the main highway into {Scity} with burning tyres.", ("block", "blocked", "blocked"), "C", None),
        ("142", "hunger", "{N} detained {C} {V} on hunger strike to protest their detention.", ("go", "went", "gone"), "C", None),
        ("143", "boycott", "The main opposition party {V} the parliamentary elections.", ("boycott", "boycotted", "boycotted"), "opposition party", None),
        ("143", "boycott", "{C} {V} on strike over unpaid salaries.", ("go", "went", "gone"), "C", None),
        ("145", "vandalize", "{C} {V} the offices of the ruling party in {P}.", ("ransack", "ransacked", "ransacked"), "C", None),
        ("145", "vandalize", "Demonstrators {V} the {Ta} flag outside the embassy in {Scity}.", ("burn", "burned", "burned"), "C", "Ta"),
        ("141", None, "{C} {V} in the streets of {P} to denounce the killing of a local activist.", ("demonstrate", "demonstrated", "demonstrated"), "C", None),
        ("141", None, "Thousands rally in {Scity} against fuel price hikes", None, "C", None),
        ("141", None, "A protest by {C} against the new tax law drew thousands in {Scity} {D}.", None, "C", None),
        ("141", None, "{C} took to the streets of {P} {D} to protest against power cuts.", None, "C", None),
        ("143", "boycott", "{C} stayed away from work in a general strike called by the unions.", None, "C", None),
        ("144", "obstruct", "Farmers drove tractors onto the motorway, blocking traffic for hours in protest.", None, "C", None),
    ],
    "SANCTION": [
        ("163", "discontinue", "{S} {V} sanctions on {Tc} over its nuclear programme.", ("impose", "imposed", "imposed"), "S", "Tc"),
        ("166", "expel", "{S} {V} {N} {Ta} diplomats.", ("expel", "expelled", "expelled"), "S", "Ta"),
        ("161", "withdraw", "{S} {V} its ambassador from {Tc}.", ("recall", "recalled", "recalled"), "S", "Tc"),
        ("161", "discontinue", "{S} {V} diplomatic ties with {Tc}.", ("cut", "cut", "cut"), "S", "Tc"),
        ("162", "discontinue", "{S} {V} development aid to {Tc}.", ("suspend", "suspended", "suspended"), "S", "Tc"),
        ("164", "discontinue", "{S} {V} talks with {T} on {I}.", ("suspend", "suspended", "suspended"), "S", "T"),
        ("163", "discontinue", "{S} {V} imports of {Ta} steel.", ("ban", "banned", "banned"), "S", "Ta"),
        ("163", "discontinue", "{S} {V} the assets of {N} {Ta} officials.", ("freeze", "froze", "frozen"), "S", "Ta"),
        ("166", "expel", "{O} {V} {Tc}'s membership over the coup.", ("suspend", "suspended", "suspended"), "O", "Tc"),
        ("160", "withdraw", "{S} {V} from the arms control treaty with {Tc}.", ("withdraw", "withdrew", "withdrawn"), "S", "Tc"),
        ("161", "discontinue", "{S} {V} off relations with {Tc} over the dispute.", ("break", "broke", "broken"), "S", "Tc"),
        ("160", "convict", "A court in {Scity} {V} opposition leader {Pn} of treason.", ("convict", "convicted", "convicted"), "court", "Pn"),
        ("160", "convict", "{Pn} was sentenced to ten years in prison for organising the protests.", None, "court", "Pn"),
        ("163", "discontinue", "{S} slaps new sanctions on {Tc}", None, "S", "Tc"),
        ("164", "discontinue", "{S} halted negotiations with {T} after the border incident.", None, "S", "T"),
        ("166", "expel", "{S} ordered the {Ta} ambassador to leave the country within 72 hours.", None, "S", "Ta"),
    ],
    "MOBILIZE": [
        ("154", "troops", "{S} {V} thousands of troops to the border with {Tc}.", ("deploy", "deployed", "deployed"), "S", "Tc"),
        ("154", "troops", "{S} {V} tanks and artillery near the frontier with {Tc}.", ("mass", "massed", "massed"), "S", "Tc"),
        ("152", "weapons", "{S} {V} its air defences on high alert.", ("put", "put", "put"), "S", None),
        ("154", "troops", "{S} {V} up 50,000 reservists.", ("call", "called", "called"), "S", None),
        ("151", "police", "{S} {V} riot police across {Scity} ahead of the verdict.", ("deploy", "deployed", "deployed"), "S", None),
        ("152", "weapons", "{S} {V} warships into the strait.", ("move", "moved", "moved"), "S", None),
        ("152", "weapons", "{S} {V} a ballistic missile into the sea.", ("test-fire", "test-fired", "test-fired"), "S", None),
        ("154", "militia", "{A} {V} hundreds of fighters in {P}.", ("mobilise", "mobilised", "mobilised"), "A", None),
        ("154", "troops", "{S} {V} its positions along the front line near {P}.", ("reinforce", "reinforced", "reinforced"), "S", "P"),
        ("154", "troops", "{S} {V} additional troops to {P} after the attacks.", ("send", "sent", "sent"), "S", "P"),
        ("151", "police", "Hundreds of police officers were deployed in {Scity} ahead of the opposition rally.", None, "police", None),
        ("154", "troops", "{S} moves troops to border with {Tc}", None, "S", "Tc"),
        ("152", "weapons", "{S} placed its nuclear forces on heightened alert {D}.", None, "S", None),
        ("154", "militia", "Tribal elders in {P} armed hundreds of young men to defend their villages.", None, "elders", None),
    ],
    "COERCE": [
        ("173", "arrest", "{Pol} {V} {N} opposition activists in {P}.", ("arrest", "arrested", "arrested"), "Pol", "C"),
        ("173", "arrest", "{Pol} {V} a prominent journalist at his home in {Scity}.", ("detain", "detained", "detained"), "Pol", "journalist"),
        ("1723", "curfew", "{S} {V} a curfew in {P} after the unrest.", ("impose", "imposed", "imposed"), "S", "P"),
        ("1724", "martial-law", "{S} {V} martial law in {P}.", ("declare", "declared", "declared"), "S", "P"),
        ("174", "deport", "{S} {V} hundreds of migrants to {Tc}.", ("deport", "deported", "deported"), "S", "Tc"),
        ("172", "withhold", "{S} {V} the internet in {P} ahead of the vote.", ("shut down", "shut down", "shut down"), "S", "P"),
        ("172", "censor", "{S} {V} an opposition newspaper.", ("ban", "banned", "banned"), "S", None),
        ("171", "seize", "{Pol} {V} the offices of an opposition party in {Scity}.", ("raid", "raided", "raided"), "Pol", None),
        ("171", "seize", "{S} {V} a tanker flying the {Ta} flag.", ("seize", "seized", "seized"), "S", "Ta"),
        ("171", "seize", "{S} {V} the property of exiled dissidents.", ("confiscate", "confiscated", "confiscated"), "S", None),
        ("172", "censor", "{S} {V} access to social media platforms.", ("block", "blocked", "blocked"), "S", None),
        ("172", "cyber", "Hackers linked to {Sc} {V} the computer networks of the {Ta} foreign ministry.", ("breach", "breached", "breached"), "Sc", "Ta"),
        ("172", "withhold", "{S} {V} off electricity and water to {P}.", ("cut", "cut", "cut"), "S", "P"),
        ("172", "restrict", "{S} {V} public gatherings in {Scity}.", ("ban", "banned", "banned"), "S", None),
        ("173", "arrest", "{S} {V} opposition leader {Pn} under house arrest.", ("place", "placed", "placed"), "S", "Pn"),
        ("173", "arrest", "{N} activists were arrested by {Pol} in {Scity} {D}.", None, "Pol", "C"),
        ("173", "arrest", "Police detain dozens after anti-government protest", None, "Pol", "C"),
        ("172", "restrict", "{Pol} cordoned off the city centre to prevent the march.", None, "Pol", None),
        ("172", "misinformation", "{S} ran a disinformation campaign against {Tc} on social media.", None, "S", "Tc"),
    ],
    "ASSAULT": [
        ("190", "firearms", "{A} {V} an army checkpoint in {P}, killing five soldiers.", ("attack", "attacked", "attacked"), "A", "F"),
        ("193", "firearms", "Gunmen {V} fire on a bus in {P}, killing {N} passengers.", ("open", "opened", "opened"), "gunmen", None),
        ("195", "aerial", "{Sa} warplanes {V} rebel positions near {P}.", ("bomb", "bombed", "bombed"), "Sa", "A"),
        ("194", "heavy-weapons", "{F} {V} villages near {P}.", ("shell", "shelled", "shelled"), "F", None),
        ("181", "abduct", "{A} {V} three aid workers in {P}.", ("kidnap", "kidnapped", "kidnapped"), "A", None),
        ("175", "crowd-control", "{Pol} {V} tear gas at {C} in {Scity}.", ("fire", "fired", "fired"), "Pol", "C"),
        ("186", "targeted", "{A} {V} a local official in {P}.", ("assassinate", "assassinated", "assassinated"), "A", None),
        ("1712", "destroy", "{A} {V} down houses in {P}.", ("burn", "burned", "burned"), "A", None),
        ("194", "heavy-weapons", "{S} {V} rockets into {Tc}.", ("fire", "fired", "fired"), "S", "Tc"),
        ("190", None, "{F} {V} with {A} near {P}.", ("clash", "clashed", "clashed"), "F", "A"),
        ("190", None, "{F} {V} an offensive to retake {P} from {A}.", ("launch", "launched", "launched"), "F", "A"),
        ("190", None, "{A} {V} a military convoy near {P}.", ("ambush", "ambushed", "ambushed"), "A", "F"),
        ("1822", "torture", "Prison guards {V} detainees at a facility near {Scity}, the report found.", ("torture", "tortured", "tortured"), "guards", None),
        ("182", "beat", "{Pol} {V} {C} with batons during the rally.", ("beat", "beat", "beaten"), "Pol", "C"),
        ("183", "primitive", "Attackers armed with machetes {V} {N} villagers in {P}.", ("kill", "killed", "killed"), "attackers", None),
        ("200", None, "{A} {V} the town of {P} after heavy fighting.", ("capture", "captured", "captured"), "A", None),
        ("1832", "explosives", "A car bomb exploded near a police station in {P}, killing eight people.", None, None, None),
        ("1831", "suicide-attack", "A suicide bomber blew himself up at a checkpoint in {P} {D}.", None, None, None),
        ("195", "drone", "A drone strike killed {N} suspected militants in {P}.", None, None, None),
        ("1832", "explosives", "A roadside bomb hit a military vehicle in {P}, wounding four soldiers.", None, None, "F"),
        ("195", "aerial", "Air strikes on {P} killed {N} civilians, medics said.", None, None, None),
        ("204", "unconventional", "{F} used chemical weapons against {A} in {P}, investigators said.", None, "F", "A"),
        ("190", None, "Fighting between {F} and {A} in {P} killed {N} people {D}.", None, "F", "A"),
        ("1821", "sexual", "Soldiers sexually assaulted women during the raid on {P}, survivors said.", None, "soldiers", None),
        ("193", "firearms", "Gunmen kill {N} in attack on village in {P}", None, "gunmen", None),
        ("190", None, "{A} overran a military base in {P} {D}.", None, "A", "F"),
    ],
}

# Sentences with no PLOVER event.
NONE_TEMPLATES = [
    # public statements that are not PLOVER events (CAMEO 01x): pessimistic/optimistic comments,
    # options under consideration, responsibility claimed or denied, symbolic acts, empathy, accord
    "{S} warned that the economy could slide into recession next year.",
    "{S} said the outlook for the region remained bleak.",
    "{S} said he was hopeful that a deal could be reached soon.",
    "{S} expressed optimism about the prospects for peace.",
    "{S} said it was considering a range of options.",
    "The cabinet is reviewing its policy on foreign investment.",
    "{S} said it would study the proposal carefully.",
    "{A} claimed responsibility for the bombing in a statement posted online.",
    "{S} denied any involvement in the plot.",
    "{S} denied reports that it was preparing an offensive.",
    "{S} rejected as baseless reports of a cabinet reshuffle.",
    "{S} laid a wreath at the memorial to the victims.",
    "{S} observed a minute's silence for the victims of the tragedy.",
    "{S} expressed condolences to the families of the victims.",
    "{S} offered his sympathies to the people of {Tc} after the floods.",
    "{S} said it shared {T}'s concerns about {I}.",
    "{S} and {T} said they held similar views on {I}.",
    "{S} acknowledged that mistakes had been made.",
    "{S} admitted the government had underestimated the crisis.",
    "{S} said the country would never forget the sacrifices of its soldiers.",
    "{S} marked the anniversary of independence with a speech in {Scity}.",
    "{S} said the situation was complicated.",
    "{S} said it was aware of the reports.",
    "{S} said more needed to be done to tackle corruption.",
    "{S} called the year a turning point for the country.",
    "{S} said the security situation had improved.",
    "{S} said it was too soon to judge the outcome of {I} talks.",
    "According to {S}, the government has spent $4 billion on roads since 2018.",
    "{S} published its annual report on {I}.",
    "{S} said the number of refugees had risen to 1.2 million.",
    "{S} unveiled a new logo for the national airline.",
    "{S} presented the budget to parliament.",
    "{S} announced plans to build a new port.",
    "{S} inaugurated a hospital in {P}.",
    "{S} named {Pn} as the new central bank governor.",
    # comments, opinions, views
    "{S} said the alliance must stay united in the face of new challenges.",
    "{S} said relations with {Tc} were strong and would remain so.",
    "{S} described the situation in {P} as calm but tense.",
    "{S} said the country faced serious economic challenges.",
    "{S} said it was closely monitoring the situation in {P}.",
    "{S} said it hoped the talks would succeed.",
    "{S} said the government was committed to transparency.",
    "\"We are a peaceful nation,\" {S} said in a televised address.",
    "{S} told reporters that the region's future depended on its young people.",
    "{S} said there was no evidence of foreign involvement in the unrest.",
    "{S} said the economy was on the right track.",
    "{S} stressed the importance of dialogue.",
    "{S} noted that both countries share a long history.",
    "{S} believes the reforms will take years to bear fruit.",
    "In an interview, {S} said he was optimistic about the coming year.",
    "{S} said the matter was an internal affair.",
    "{S} said the decision had been taken after careful consideration.",
    "{S} insisted that the election had been free and fair.",
    "{S} said it was too early to say whether the measures were working.",
    "{S} said the two countries should stay united against common threats.",
    "The alliance must remain united, {S} told a news conference in {Scity}.",
    "{S} said that security in the region was everyone's responsibility.",
    # declined to comment / no response
    "A spokesman for {S} declined to comment.",
    "{S} did not respond to a request for comment.",
    "{S} declined to comment on the report.",
    "{S} could not immediately be reached for comment.",
    "Officials in {Scity} declined to give further details.",
    "{S} refused to comment on the reports, citing an ongoing investigation.",
    "It was not immediately clear who was behind the incident.",
    "There was no immediate claim of responsibility.",
    # reports, descriptions, background
    "The report describes widespread poverty in rural areas of {Sc}.",
    "{P} is home to about two million people, most of them farmers.",
    "{Sc} has long been a close ally of {Tc}.",
    "{Sc} and {Tc} have a long-running dispute over fishing rights.",
    "The region has been plagued by instability for decades.",
    "{Sc} is one of the world's largest exporters of coffee.",
    "The two countries have fought three wars since independence.",
    "The border area is largely controlled by armed groups.",
    "{Pn} has served as {Sa} foreign minister since 2019.",
    "The parliament has 300 seats, and the ruling party holds a narrow majority.",
    "The conflict has displaced more than two million people since it began.",
    "{Sc} became independent in 1960.",
    "Relations between {Sc} and {Tc} have been strained for years.",
    "The city was once a major trading hub on the Silk Road.",
    "The oil field accounts for a third of the country's output.",
    "The report, published {D}, covers the period from 2015 to 2020.",
    "The new law will take effect in January.",
    "The summit is scheduled for next spring.",
    "The minister is due to address parliament on Thursday.",
    "The election is expected to be closely fought.",
    "Analysts say the ruling party is likely to lose its majority.",
    "Critics say the plan is too expensive.",
    "Experts warn that the drought could worsen in the coming months.",
    "The findings are in line with earlier studies.",
    "The document runs to more than 400 pages.",
    "Both sides have their own version of events.",
    # statistics, economy, markets
    "The economy grew by 3.2 percent in the second quarter, the statistics office said.",
    "Inflation rose to 8 percent in March from 6.5 percent a month earlier.",
    "Unemployment stood at 11 percent at the end of last year.",
    "The central bank kept its benchmark interest rate unchanged at 4.5 percent.",
    "Turnout was estimated at around 60 percent.",
    "The currency fell 2 percent against the dollar {D}.",
    "Exports to {Tc} rose by a fifth last year.",
    "The company reported a 12 percent rise in quarterly profits.",
    "Oil prices climbed to their highest level in six months.",
    "The budget deficit is forecast to narrow to 3 percent of GDP.",
    "Tourist arrivals reached a record 14 million last year.",
    "The population of {P} has doubled since 1990.",
    "The stock market closed higher for a third straight session.",
    "Wheat production is expected to fall by 10 percent this year.",
    "According to the census, 40 percent of the population is under 18.",
    # culture, sport, science, weather
    "The festival drew more than 100,000 visitors to {Scity}.",
    "The national football team won its opening match 2-0.",
    "The museum reopened to the public after a two-year renovation.",
    "Scientists discovered a new species of frog in the rainforest.",
    "Temperatures are expected to reach 40 degrees Celsius this week.",
    "The film won the top prize at the festival in Cannes.",
    "The new airport terminal can handle 20 million passengers a year.",
    "Schools will reopen on Monday after the summer holidays.",
    # disasters (not ASSAULT/PROTEST)
    "Heavy rains triggered landslides that killed {N} people in {P}.",
    "An earthquake of magnitude 6.1 struck {P} {D}, damaging hundreds of buildings.",
    "A fire broke out at a market in {P}, destroying dozens of stalls.",
    "The cyclone damaged thousands of homes along the coast.",
    "Floods forced thousands of residents to flee their homes in {P}.",
    "A bus plunged into a ravine near {P}, killing {N} passengers.",
    "Two trains collided near {Scity}, injuring more than 50 people.",
    "A gas explosion at a coal mine killed {N} workers.",
    "A wildfire burned 5,000 hectares of forest before firefighters brought it under control.",
    "The storm cut power to more than a million homes.",
    "A boat carrying migrants capsized off the coast, and {N} people drowned.",
    "A building collapsed in {Scity}, trapping dozens of people under the rubble.",
    "Drought has killed thousands of cattle in the north of {Sc}.",
    "The volcano erupted, sending ash high into the sky and forcing flights to be cancelled.",
    "An outbreak of cholera has killed {N} people in {P}, health officials said.",
    "A tanker truck exploded on a highway near {P}, killing {N} people.",
    "A plane crashed shortly after take-off from {Scity}, killing all on board.",
    "A blast at a fireworks factory killed {N} workers.",
    "Rescue workers pulled survivors from the rubble after the quake.",
    "The government declared a state of emergency in flood-hit provinces.",
    "The heatwave has killed dozens of elderly people.",
    "Floodwaters swept away bridges and roads in {P}.",
    "Soldiers helped evacuate residents from flooded villages.",
    "Firefighters battled the blaze for six hours.",
    "A stampede at a religious festival killed {N} pilgrims.",
    "A ferry sank in rough seas off {P}; {N} passengers are missing.",
    # ordinary crime
    "Thieves broke into a jewellery store in {Scity} and stole watches worth $2 million.",
    "A man stabbed his neighbour during a dispute over land, police said.",
    "The body of a woman was found in her apartment in {Scity}, police said.",
    "A court sentenced a man to 12 years in prison for drug trafficking.",
    "Police are investigating a string of burglaries in the suburbs.",
    "A gang robbed a bank in {Scity} and escaped with cash.",
    "A driver was killed when his car hit a tree.",
    "Two men were injured in a bar fight in {Scity}.",
    "A teenager drowned while swimming in the river.",
    "A businessman was fined for tax evasion.",
    "Car thefts rose by 15 percent last year, according to police figures.",
    "A fire at a nightclub killed {N} people; the cause is under investigation.",
    # meetings/events described generally, not happening
    "The committee meets twice a year.",
    "The talks, which have stalled several times, cover a wide range of issues.",
    "Sanctions have hurt the economy for years.",
    "The ceasefire agreement signed in 2016 is widely seen as fragile.",
    "The protests of 2011 changed the country's politics.",
    "Aid agencies say food prices have doubled since the start of the year.",
    "The treaty, signed in 1994, governs the use of the river.",
    "The attack bore the hallmarks of previous ones, analysts said.",
    "The group has been designated a terrorist organisation by several countries.",
    "The army is the country's largest employer.",
    "Protests are rare in the tightly controlled country.",
    "The opposition has boycotted several elections in the past.",
]

# Near misses: news sentences that use an event word of the lexicon outside its political
# sense (a vow about domestic policy, a sports result, a market "rally", a description of a
# country's policy, help that is no aid, a visit to a factory at home). None is a PLOVER event
# between political actors; they make the corpus as hard as news for the calibration.
NEAR_MISS_TEMPLATES = [
    "{S} vowed to create a million jobs by the end of the year.",
    "{S} promised to cut taxes for small businesses.",
    "{S} pledged to improve roads and schools in rural areas.",
    "The new mayor of {Scity} promised to clean up the city's parks.",
    "The central bank pledged to keep inflation under control.",
    "The airline offered to refund passengers affected by the delays.",
    "The {Sa} national team beat {Ta} 2-1 in a friendly match in {Tcity}.",
    "The champions crushed their rivals in the final in {Tcity}.",
    "{Sa} steelmakers invaded the {Ta} market with cheap exports.",
    "Inflation hit a ten-year high in {Sc} last month.",
    "The opposition campaign targeted young voters in {Scity}.",
    "Firefighters battled the blaze for six hours before bringing it under control.",
    "{Sa} banks fought off a takeover bid from a {Ta} rival.",
    "{Sc}'s support for renewable energy has grown steadily over the past decade.",
    "{Sc}'s aid budget is one of the largest in the world.",
    "{Sc}'s sanctions regime is among the strictest in the region.",
    "{Sc}'s cooperation with its neighbours on water management dates back decades.",
    "Roads in {Scity} were blocked by snow for most of the week.",
    "Prices were cut across the board after the holiday season.",
    "Volunteers helped clean the beaches after the festival.",
    "The new app helps farmers track the weather.",
    "The new law will help small businesses survive the downturn.",
    "{S} welcomed the record harvest.",
    "{S} visited a car factory in {Scity} to mark the launch of a new model.",
    "{S} toured flood-hit areas of {Sc} on Monday.",
    "Shares in the national airline rallied after the announcement.",
    "The stock index rallied 3 percent on Friday as oil prices recovered.",
    "Oil prices surged after the storm disrupted supplies.",
    "The film festival opened in {Scity} with a record number of entries.",
    "The museum received a collection of paintings from a private donor.",
    "{S} promised to reduce unemployment before the next election.",
    "{S} pledged to build 100,000 new homes over the next five years.",
    "The ruling party vowed to reform the pension system.",
    "{S} vowed to bring electricity to every village by 2030.",
    "The governor promised to rebuild the bridge within a year.",
    "{S} toured a new hospital in {Scity} on Tuesday.",
    "Shares in {Sa} mining companies rallied on strong export figures.",
]

# Extra ways to present an event template's verb (modality and frames), by the event's type.
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
YIELDING = {"RETREAT", "CONCEDE"}
CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
REFUSE_MODE = {"CONSULT": ("125", "meet"), "SUPPORT": ("123", "change"),
               "COOPERATE": ("121", "assist"), "AID": ("1212", "assist"),
               "RETREAT": ("1243", "yield"), "CONCEDE": ("123", "change")}
AGREE_CODE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033",
              "RETREAT": "035", "CONCEDE": "035"}
REQUEST_MODE = {"CONSULT": ("026", "meet"), "SUPPORT": ("024", "change"),
                "COOPERATE": ("021", "assist"), "AID": ("021", "assist"),
                "RETREAT": ("025", "yield"), "CONCEDE": ("024", "change")}
THREAT_MODE = {"ASSAULT": ("138", "violence"), "COERCE": ("1312", "restrict"),
               "SANCTION": ("1311", "relations"), "MOBILIZE": ("138", "violence")}


def event(typ, cameo, mode, src, tgt, modality="asserted"):
    return {"type": typ, "cameo": cameo, "mode": mode, "source": src, "target": tgt,
            "modality": modality}


def variants(typ, cameo, mode, text, forms, rng):
    """(text, events) for the plain past form and its modal and framed variants."""
    base, past, part = forms
    at = text.index("{V}")
    head, tail = text[:at], text[at + 3:]
    subj = head.strip()
    out = [("asserted", head + past + tail, [(typ, cameo, mode, "asserted")])]
    negs = ("did not " + base, "never " + past)
    out.append(("negated", head + rng.choice(negs) + tail, [(typ, cameo, mode, "negated")]))
    hyp = rng.choice(("could " + base, "may " + base, "might " + base))
    out.append(("hypothetical", head + hyp + tail, [(typ, cameo, mode, "hypothetical")]))
    lead = subj if subj.startswith("{") else subj[0].lower() + subj[1:]
    out.append(("hypothetical", f"If the talks fail, {lead} would {base}{tail}",
                [(typ, cameo, mode, "hypothetical")]))
    fut = rng.choice(("will " + base, "will soon " + base))
    if typ in COOPERATIVE:
        out.append(("future", head + fut + tail, [("AGREE", AGREE_CODE[typ], None, "future")]))
    else:
        out.append(("future", head + fut + tail, [(typ, cameo, mode, "future")]))
    speaker = rng.choice(SPEAKERS)
    out.append(("reported", f"{speaker[0].upper()}{speaker[1:]} said {subj} had {part}{tail}",
                [(typ, cameo, mode, "reported")]))
    out.append(("reported", f"{head}{past}{tail[:-1]}, according to {speaker}.",
                [(typ, cameo, mode, "reported")]))
    if typ in COOPERATIVE or typ in YIELDING:
        c, m = REFUSE_MODE[typ]
        out.append(("refused", (f"{head}{rng.choice(('refused to', 'declined to', 'will not'))} "
                               f"{base}{tail}"), [("REJECT", c, m, "asserted")]))
        out.append(("agreed", (f"{head}{rng.choice(('agreed to', 'promised to', 'pledged to'))} "
                              f"{base}{tail}"), [("AGREE", AGREE_CODE[typ], None, "asserted")]))
        c, m = REQUEST_MODE[typ]
        asker = rng.choice(("The United Nations", "Washington", "The European Union",
                            "Opposition leaders", "Human rights groups"))
        if subj.startswith("{"):
            out.append(("requested", f"{asker} urged {subj} to {base}{tail}",
                        [("REQUEST", c, m, "asserted")]))
    if typ in CONFLICT and subj.startswith("{"):
        c, m = THREAT_MODE[typ]
        out.append(("threatened", f"{head}threatened to {base}{tail}",
                    [("THREATEN", c, m, "asserted")]))
        out.append(("condemned", (f"The United Nations condemned {subj} for "
                                 f"{_gerund(base)}{tail}"), [("ACCUSE", "111", "disapprove",
                                                             "asserted")]))
    if typ in ("ASSAULT", "COERCE") and subj.startswith("{"):
        out.append(("denied", f"{head}denied that it had {part}{tail}",
                    [(typ, cameo, mode, "negated")]))
    return out


def _gerund(base: str) -> str:
    verb, _, rest = base.partition(" ")
    if verb.endswith("ie"):
        g = verb[:-2] + "ying"
    elif verb.endswith("e") and not verb.endswith("ee"):
        g = verb[:-1] + "ing"
    elif verb in ("shut", "cut", "put", "set", "ban", "plan", "stop", "kidnap"):
        g = verb + verb[-1] + "ing"
    else:
        g = verb + "ing"
    return g + (" " + rest if rest else "")


def build() -> list[dict]:
    rng = random.Random(20261206)
    pools = Pools(rng)
    items: list[dict] = []

    group = ""

    def add(kind: str, text: str, fill: dict, evs: list, src_slot, tgt_slot) -> None:
        sentence = text.format(**fill)
        sentence = sentence[0].upper() + sentence[1:]
        src = fill.get(src_slot, src_slot) if src_slot else None
        tgt = fill.get(tgt_slot, tgt_slot) if tgt_slot else None
        events = []
        for typ, cameo, mode, modality in evs:
            s, t = src, tgt
            if kind == "requested":
                s, t = sentence.split(" urged ")[0], src
            elif kind == "condemned":
                s, t = "the United Nations", src
            events.append(event(typ, cameo, mode, s, t, modality))
        items.append({"id": f"e{len(items) + 1:05d}", "group": group, "text": sentence,
                      "kind": kind, "events": events})

    for typ, templates in TEMPLATES.items():
        for n, (cameo, mode, text, forms, s_slot, t_slot) in enumerate(templates, 1):
            group = f"{typ}-{n}"
            mode = mode or None
            if forms is None:
                for _ in range(4):
                    add("asserted", text, pools.fill(),
                        [(typ, cameo, mode, "asserted")], s_slot, t_slot)
                continue
            for _ in range(3):
                add("asserted", text.replace("{V}", forms[1]), pools.fill(),
                    [(typ, cameo, mode, "asserted")], s_slot, t_slot)
            for kind, vtext, evs in variants(typ, cameo, mode, text, forms, rng):
                if kind == "asserted":
                    continue
                add(kind, vtext, pools.fill(), evs, s_slot, t_slot)
    for n, text in enumerate(NONE_TEMPLATES, 1):
        group = f"none-{n}"
        for _ in range(7 if "{" in text else 1):
            add("none", text, pools.fill(), [], None, None)
    # the same sentence types joined: an event after a non-event clause, two events
    for _ in range(150):
        typ = rng.choice(list(TEMPLATES))
        cameo, mode, text, forms, s_slot, t_slot = rng.choice(TEMPLATES[typ])
        text_t = text
        if forms is not None:
            text = text.replace("{V}", forms[1])
        if text[-1] != ".":
            continue
        group = f"{typ}-{TEMPLATES[typ].index((cameo, mode, text_t, forms, s_slot, t_slot)) + 1}"
        lead = rng.choice(["The move came a day after", "It was unclear how", "Separately,",
                           "Meanwhile,", "In a related development,"])
        if lead.endswith(","):
            sentence = lead + " " + text[0].lower() + text[1:] if text.startswith("{") is False \
                else lead + " " + text
            add("joined", sentence, pools.fill(), [(typ, cameo, mode or None, "asserted")],
                s_slot, t_slot)
    for n, text in enumerate(NEAR_MISS_TEMPLATES, 1):
        group = f"near-{n}"
        for _ in range(3 if "{" in text else 1):
            add("none", text, pools.fill(), [], None, None)
    seen, unique = set(), []
    for item in items:
        if item["text"] not in seen:
            seen.add(item["text"])
            unique.append(item)
    for n, item in enumerate(unique, 1):
        item["id"] = f"e{n:05d}"
    return unique


def main() -> None:
    items = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {OUT}: {len(items)} sentences")


if __name__ == "__main__":
    main()
