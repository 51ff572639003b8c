"""The quotation stage on sentences written for these tests, parsed by the real spaCy model."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from chronicler.quotes import QuoteSpan, find_non_speech, find_quotes, merge_groups

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The English model, loaded once for this module."""
    from chronicler.nlp import load_nlp

    return load_nlp()


def _text(doc, span: tuple[int, int] | None) -> str | None:
    return None if span is None else doc.text[span[0]:span[1]]


def _direct(doc) -> list[QuoteSpan]:
    return [q for q in find_quotes(doc) if q.kind == "direct"]


def _who(doc, q: QuoteSpan) -> str:
    """The speaker as a reader would name them: the antecedent if any, else the speaker."""
    return _text(doc, q.antecedent or q.speaker) or ""


STYLES = [
    "Governor Anna Kowalski said: “We will rebuild the bridge by spring.”",
    'Governor Anna Kowalski said: "We will rebuild the bridge by spring."',
    "Governor Anna Kowalski said: «We will rebuild the bridge by spring.»",
    "Governor Anna Kowalski said: « We will rebuild the bridge by spring. »",
    "Governor Anna Kowalski said: „We will rebuild the bridge by spring.“",
    "Governor Anna Kowalski said: ‘We will rebuild the bridge by spring.’",
]


@pytest.mark.parametrize("sentence", STYLES)
def test_quote_styles(nlp, sentence: str) -> None:
    doc = nlp(sentence)
    quotes = _direct(doc)
    assert [_text(doc, (q.start, q.end)) for q in quotes] == [
        "We will rebuild the bridge by spring."]
    assert _text(doc, quotes[0].speaker) == "Anna Kowalski"
    assert _text(doc, quotes[0].speaker_np) == "Governor Anna Kowalski"
    assert _text(doc, quotes[0].cue) == "said"


def test_nested_single_quotes_stay_inside(nlp) -> None:
    doc = nlp("“They told us ‘wait until Monday’ and then vanished,” said Ivo Marek.")
    quotes = _direct(doc)
    assert len(quotes) == 1
    assert _text(doc, (quotes[0].start, quotes[0].end)) == (
        "They told us ‘wait until Monday’ and then vanished")
    assert _text(doc, quotes[0].speaker) == "Ivo Marek"


@pytest.mark.parametrize("sentence", [
    "The farmers’ union said it won’t strike before the harvest.",
    "In the ’90s the port’s workers were paid less.",
])
def test_apostrophes_are_not_quotes(nlp, sentence: str) -> None:
    doc = nlp(sentence)
    assert _direct(doc) == []
    assert find_non_speech(doc) == []


def test_multi_paragraph_quote(nlp) -> None:
    doc = nlp("“The river has never been this high,” said Mayor Clara Diaz.\n\n"
              "“Our crews have worked through the night. They will keep working until the "
              "water falls.\n\n“Nobody should go near the banks.”")
    quotes = _direct(doc)
    assert len(quotes) == 3
    assert all(_who(doc, q) == "Clara Diaz" for q in quotes)
    assert quotes[1].group == quotes[2].group  # the second paragraph runs on, unclosed
    assert _text(doc, (quotes[2].start, quotes[2].end)) == "Nobody should go near the banks."


def test_split_quote_is_one_group(nlp) -> None:
    doc = nlp("“We will win,” said Senator Tom Hale, “and we will win soon.”")
    quotes = _direct(doc)
    assert [_text(doc, (q.start, q.end)) for q in quotes] == ["We will win",
                                                              "and we will win soon."]
    assert {_text(doc, q.speaker) for q in quotes} == {"Tom Hale"}
    assert quotes[0].group == quotes[1].group
    merged = merge_groups(quotes)
    assert len(merged) == 1 and merged[0].start == quotes[0].start
    assert merged[0].end == quotes[1].end


def test_unbalanced_mark_does_not_spread(nlp) -> None:
    doc = nlp("Ruth Adler said the vote “was fair and open.\n\n"
              "Later, Paul Moreno said: “We accept the result.”\n\n"
              '"Mistakes were made," Ruth Adler said on Tuesday.')
    texts = {_text(doc, (q.start, q.end)): _who(doc, q) for q in _direct(doc)}
    assert texts["We accept the result."] == "Paul Moreno"
    assert texts["Mistakes were made"] == "Ruth Adler"
    assert texts["was fair and open."] == "Ruth Adler"


@pytest.mark.parametrize(("sentence", "title"), [
    ("Her latest novel is titled “Winter in the Harbor.”", "Winter in the Harbor."),
    ("He wrote the book “A Short History of Bridges” in prison.", "A Short History of Bridges"),
    ("The paper ran the headline “Storm Hits Coast” on Friday.", "Storm Hits Coast"),
    ("She watched the film “Days of Rain” twice.", "Days of Rain"),
])
def test_titles_are_not_speech(nlp, sentence: str, title: str) -> None:
    doc = nlp(sentence)
    assert _direct(doc) == []
    others = find_non_speech(doc)
    assert [(_text(doc, (q.start, q.end)), q.other_kind) for q in others] == [(title, "title")]


def test_scare_quote_is_not_speech(nlp) -> None:
    doc = nlp("The council made a “bold choice” when it closed the old market.")
    assert _direct(doc) == []
    assert [q.other_kind for q in find_non_speech(doc)] == ["scare"]


def test_short_quote_with_a_cue_is_speech(nlp) -> None:
    doc = nlp("Dr. Ellen Park called the decision “a grave mistake,” and left the room.")
    quotes = _direct(doc)
    assert [_text(doc, (q.start, q.end)) for q in quotes] == ["a grave mistake"]
    assert _text(doc, quotes[0].speaker) == "Ellen Park"


def test_according_to_with_direct_quote(nlp) -> None:
    doc = nlp("According to Foreign Ministry spokesman Omar Haddad, “the border will stay open "
              "for aid convoys.”")
    quotes = _direct(doc)
    assert len(quotes) == 1
    assert _text(doc, quotes[0].speaker) == "Omar Haddad"
    assert _text(doc, quotes[0].speaker_np) == "Foreign Ministry spokesman Omar Haddad"
    assert _text(doc, quotes[0].cue) == "According to"


@pytest.mark.parametrize(("sentence", "content", "speaker", "cue"), [
    ("According to the health ministry, forty people were injured in the blast.",
     "forty people were injured in the blast", "the health ministry", "According to"),
    ("Forty people were injured in the blast, according to the health ministry.",
     "Forty people were injured in the blast", "the health ministry", "according to"),
    ("Secretary-General Maria Lind called on both sides to stop the fighting at once.",
     "to stop the fighting at once", "Maria Lind", "called on"),
    ("Mayor Lena Vogel said that the bridge would reopen in May.",
     "that the bridge would reopen in May", "Lena Vogel", "said"),
    ("The general told reporters that his troops would hold the line.",
     "that his troops would hold the line", "The general", "told"),
    ("Inspector Ravi Shah warned that the dam could fail within days.",
     "that the dam could fail within days", "Ravi Shah", "warned"),
    ("The strike will end on Friday, union leaders said.",
     "The strike will end on Friday", "union leaders", "said"),
    # intention: what someone wants or plans is their stated stance
    ("Governor Ana Ruiz wants to double the size of the state police.",
     "to double the size of the state police", "Governor Ana Ruiz", "wants"),
    ("The ministry plans to close three border crossings next month.",
     "to close three border crossings next month", "The ministry", "plans"),
    # a source of evidence and what it shows, as a noun object or a clause
    ("A new poll shows the mayor well ahead of her rivals.",
     "the mayor well ahead of her rivals", "A new poll", "shows"),
    ("The audit found that the agency had lost track of two million dollars.",
     "that the agency had lost track of two million dollars", "The audit", "found"),
    # naming: what a speaker called something
    ("The opposition called the election results fraudulent.",
     "the election results fraudulent", "The opposition", "called"),
    # stance taken in words, with its reason
    ("The union endorsed Mayor Diaz for a second term.", "Mayor Diaz for a second term",
     "The union", "endorsed"),
    ("Senator Ruth Alvarez accused the agency of hiding the report.",
     "the agency of hiding the report", "Ruth Alvarez", "accused"),
    # what was spoken about, and what is known
    ("The minister spoke of a difficult winter ahead.", "a difficult winter ahead",
     "The minister", "spoke"),
    ("The two leaders discussed the border dispute.", "the border dispute", "The two leaders",
     "discussed"),
    ("Investigators know that the fire started in the kitchen.",
     "that the fire started in the kitchen", "Investigators", "know"),
    # round 4: gerund objects, criticism in words, refusals, stance adjectives
    ("Mr. Okafor has also called for eliminating the tax break on carried interest.",
     "eliminating the tax break on carried interest", "Okafor", "called for"),
    ("The senator criticized the new pipeline ruling.", "the new pipeline ruling",
     "The senator", "criticized"),
    ("The mayor refuses to release the audit.", "to release the audit", "The mayor", "refuses"),
    ("Governor Reyes was critical of the new budget.", "the new budget", "Reyes", "critical"),
    ("The union is confident that the strike will end soon.", "that the strike will end soon",
     "The union", "confident"),
    ("Voting rights advocates have criticized the new purge policy.", "the new purge policy",
     "Voting rights advocates", "criticized"),
    ("The senator accused him of hiding the report.", "hiding the report", "The senator",
     "accused"),
    ("He claimed that the deal was fair, although he refused to publish it.",
     "that the deal was fair", "He", "claimed"),
    ("Another 19 percent said they would not vote at all.", "they would not vote at all",
     "Another 19 percent", "said"),
    ("The minister rejected the union's claim that wages had fallen.",
     "that wages had fallen", "the union's", "claim"),
    # round 5: passive stance with a speaking agent
    ("The new pipeline plan was criticized by the farmers' union.", "The new pipeline plan",
     "the farmers' union", "criticized"),
    ("Mayor Diaz was endorsed by two local newspapers.", "Mayor Diaz",
     "two local newspapers", "endorsed"),
    # criticism, praise, advocacy and attitude verbs; "attack" with a person as subject
    ("The senator attacked the governor's budget in a long speech.",
     "the governor's budget", "The senator", "attacked"),
    ("Judge Ortiz despises the new sentencing rules.", "the new sentencing rules", "Ortiz",
     "despises"),
    ("The committee lauded the relief effort.", "the relief effort", "The committee",
     "lauded"),
    # indefinite pronoun subjects, relative and participle subjects
    ("Others in the party have opposed the merger.", "the merger", "Others in the party",
     "opposed"),
    ("Cities that support the regulations filed a brief.", "the regulations", "Cities",
     "support"),
    ("Lawyers for the company filed papers opposing the sale.", "the sale",
     "Lawyers for the company", "opposing"),
    # nouns of stance with a possessor (a possessive pronoun too), a to-infinitive
    ("The board's disdain for the chairman was obvious.", "the chairman", "The board's",
     "disdain for"),
    ("Her plan to cut taxes drew criticism.", "to cut taxes", "Her", "plan"),
    # adjectives of emotion and readiness
    ("The minister was angry that the vote had been delayed.",
     "that the vote had been delayed", "The minister", "angry"),
    ("The union is willing to negotiate with the company.", "to negotiate with the company",
     "The union", "willing"),
    # emphasis and making public
    ("The mayor stressed the need for new housing.", "the need for new housing", "The mayor",
     "stressed"),
    ("The ministry disclosed the payments on Tuesday.", "the payments", "The ministry",
     "disclosed"),
    # speaking out with a preposition (and particle)
    ("The mayor railed against the new parking tax.", "the new parking tax", "The mayor",
     "railed"),
    ("She lashed out at her critics on Sunday.", "her critics", "She", "lashed out"),
    ("The group lobbied for the farm bill.", "the farm bill", "The group", "lobbied for"),
    # persuasion, discovery, a wish; a lemma missing its silent "e" ("hoped" as "hop")
    ("The ministers persuaded the council to delay the vote.", "to delay the vote",
     "The ministers", "persuaded"),
    ("Investigators discovered that the money had been moved abroad.",
     "that the money had been moved abroad", "Investigators", "discovered"),
    ("The union would like to reopen the talks.", "to reopen the talks", "The union", "like"),
    ("The governor hoped the strike would end soon.", "the strike would end soon",
     "The governor", "hoped"),
    # a one-word name or noun as what was said; reporting and declaring a thing
    ("The teachers' union endorsed Alvarez.", "Alvarez", "The teachers' union", "endorsed"),
    ("The airline declared bankruptcy in March.", "bankruptcy", "The airline", "declared"),
    ("The agency reported a sharp rise in complaints.", "a sharp rise in complaints",
     "The agency", "reported"),
    # who speaks through "a number of", "a chorus of"
    ("A number of local lawmakers opposed the new tax.", "the new tax",
     "A number of local lawmakers", "opposed"),
    # speech verbs with a preposition of topic or side
    ("The general warned against hasty withdrawals.", "hasty withdrawals", "The general",
     "warned"),
    ("The coach bragged about his winning record.", "his winning record", "The coach",
     "bragged"),
    # light verbs with a noun of speech or stance
    ("The Security Council made a strong condemnation of the nuclear test.",
     "the nuclear test", "The Security Council", "condemnation"),
    ("She voiced support for the new plan.", "the new plan", "She", "support for"),
    # a noun of speech whose speaker is named by "by"/"from"
    ("The board rejected a request from the union to reopen talks.", "to reopen talks",
     "the union", "request"),
    # a decision reported as a that-clause
    ("The judges decided the prize should be shared.", "the prize should be shared",
     "The judges", "decided"),
])
def test_indirect_speech(nlp, sentence: str, content: str, speaker: str, cue: str) -> None:
    # (speaker: the words of the speaker mention; cue: the cue verb as written)
    doc = nlp(sentence)
    found = [(_text(doc, (q.start, q.end)), _text(doc, q.speaker), _text(doc, q.cue))
             for q in find_quotes(doc) if q.kind == "indirect"]
    assert (content, speaker, cue) in found


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Chancellor Erik Weber was quoted saying “(w)e will not retreat from this plan.”",
     "Erik Weber"),
    ("Envoy Karl Holm clarified his remarks, saying he meant “every foreign unit there.”",
     "Karl Holm"),
    ("“(I)t is time for the talks to resume,” said Deputy Minister Sara Novak.", "Sara Novak"),
    ("“The talks are over,” the foreign minister said on Sunday.", "the foreign minister"),
    ("“The vote was rigged,” Dmitri Orlov, the opposition leader, told the crowd.",
     "Dmitri Orlov"),
])
def test_speaker_from_the_parse(nlp, sentence: str, speaker: str) -> None:
    doc = nlp(sentence)
    quotes = _direct(doc)
    assert len(quotes) == 1
    assert _text(doc, quotes[0].speaker) == speaker


def test_pronoun_speaker_has_antecedent(nlp) -> None:
    doc = nlp("Prime Minister Helen Ortiz visited the flooded town on Monday.\n\n"
              "“This is a tragedy for every family here,” she said.")
    quote = _direct(doc)[0]
    assert _text(doc, quote.speaker) == "she"
    assert _text(doc, quote.antecedent) == "Helen Ortiz"


def test_pronoun_prefers_the_previous_speaker(nlp) -> None:
    doc = nlp("“We are ready,” said Colonel Piotr Nowak. Reporters asked about the delays.\n\n"
              "“The delays are over,” he said.")
    quotes = _direct(doc)
    assert _text(doc, quotes[1].antecedent) == "Piotr Nowak"


def test_nominal_speaker_has_antecedent(nlp) -> None:
    doc = nlp("Defence Minister Arturo Blanco met the generals in the capital.\n\n"
              "“The army is ready to defend the border,” the minister said.")
    quote = _direct(doc)[0]
    assert _text(doc, quote.speaker) == "the minister"
    assert _text(doc, quote.antecedent) == "Arturo Blanco"


def test_colon_frame_gives_the_speaker(nlp) -> None:
    doc = nlp("Senator Ana Ruiz praised the agreement on Tuesday, adding:\n\n"
              "“It protects workers in every state and it will last.”")
    quote = _direct(doc)[0]
    assert _who(doc, quote) == "Ana Ruiz"
    assert _text(doc, quote.cue) == "adding"


def test_next_sentence_of_a_paragraph_continues_the_speaker(nlp) -> None:
    doc = nlp("“We will not sign,” said Farid Nasser. “The terms are unfair to our farmers.”")
    quotes = _direct(doc)
    assert len(quotes) == 2
    assert {_text(doc, q.speaker) for q in quotes} == {"Farid Nasser"}
    assert quotes[0].group == quotes[1].group


def test_dash_signature(nlp) -> None:
    doc = nlp("“Peace is possible if both sides want it.” ― Leyla Demir")
    quote = _direct(doc)[0]
    assert _text(doc, quote.speaker) == "Leyla Demir"


def test_term_after_so_called(nlp) -> None:
    doc = nlp("Critics attacked the so-called “peace tax” in parliament.")
    assert _direct(doc) == []
    assert [q.other_kind for q in find_non_speech(doc)] == ["term"]


def _indirect(doc) -> list[QuoteSpan]:
    return [q for q in find_quotes(doc) if q.kind == "indirect"]


def test_pronoun_gender_from_given_names(nlp) -> None:
    doc = nlp("Susan Kowal met Robert Feld at the harbour on Friday.\n\n"
              "“The port will reopen next week,” she said.")
    assert _who(doc, _direct(doc)[0]) == "Susan Kowal"


def test_pronoun_takes_a_mention_of_the_previous_sentence(nlp) -> None:
    doc = nlp("Mayor Ellen Brook spoke first. The budget was drafted by Mr. Haddad last year.\n\n"
              "“Nothing in it has changed,” he said.")
    assert _who(doc, _direct(doc)[0]) == "Haddad"


def test_name_modifying_a_noun_is_not_the_subject(nlp) -> None:
    doc = nlp("Peter Lund, a Garcia adviser, spoke to reporters on Tuesday.\n\n"
              "“The count is not over,” he said.")
    assert _who(doc, _direct(doc)[0]) == "Peter Lund"


def test_lone_surname_is_the_person_named_earlier(nlp) -> None:
    doc = nlp("Voters met Daniel Okafor and Helena Marsh in the square. "
              "Later Okafor criticised the new tax.\n\n"
              "“It hurts every small shop,” he said.")
    assert _text(doc, _direct(doc)[0].antecedent) in ("Okafor", "Daniel Okafor")


def test_parenthetical_said_reports_the_clause_around_it(nlp) -> None:
    doc = nlp("The new bridge, Mr. Lopez said, would cost far more than expected.")
    quotes = _indirect(doc)
    assert len(quotes) == 1
    assert "would cost far more" in _text(doc, (quotes[0].start, quotes[0].end))
    assert _text(doc, quotes[0].speaker) == "Lopez"


def test_belief_and_evidence_verbs_report_their_clause(nlp) -> None:
    doc = nlp("A new survey shows that most farmers oppose the levy. "
              "The senator believes the agency overstepped its authority.")
    quotes = _indirect(doc)
    assert [_text(doc, (q.start, q.end)) for q in quotes] == [
        "that most farmers oppose the levy", "the agency overstepped its authority"]
    assert [_text(doc, q.speaker) for q in quotes] == ["A new survey", "The senator"]


def test_speech_verb_object_is_what_was_said(nlp) -> None:
    doc = nlp("The governor called for a full review of the contracts. "
              "The union announced a strike at three plants. "
              "The senator criticized the new steel tariffs. "
              "The mayor questioned the cost of the stadium.")
    quotes = _indirect(doc)
    assert [_text(doc, (q.start, q.end)) for q in quotes] == [
        "a full review of the contracts", "a strike at three plants",
        "the new steel tariffs", "the cost of the stadium"]


def test_belief_verb_object_is_no_quote(nlp) -> None:
    doc = nlp("Police found the stolen car near the river.")
    assert _indirect(doc) == []


def test_agreed_to_reports_its_infinitive_clause(nlp) -> None:
    doc = nlp("The two parties agreed to hold new elections in March.")
    (quote,) = _indirect(doc)
    assert _text(doc, (quote.start, quote.end)) == "to hold new elections in March"


def test_upper_case_dateline_is_never_a_speaker(nlp) -> None:
    from chronicler.quotes.syntax import is_dateline

    doc = nlp("RIDGE FARM, Ill. — Officials said the plant would close.\nNATO said no.")
    assert is_dateline(doc[1])  # FARM
    assert not any(is_dateline(t) for t in doc if t.text in ("Officials", "NATO"))


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    (("Okafor: The Port Deal Will Cost Lagos Billions.\n\nFinance Minister Ngozi Okafor spoke "
      "on Monday."), "The Port Deal Will Cost Lagos Billions", "Okafor", ":"),
    ("Poll: Voters Sour on New Stadium Tax.\n\nThe survey of 900 residents was taken in June.",
     "Voters Sour on New Stadium Tax", "Poll", ":"),
    ("Senator Maria Chen Says Budget Talks Have Collapsed.\n\nThe talks ended on Friday.",
     "Budget Talks Have Collapsed", "Maria Chen", "Says"),
    ("Bridge Repairs Will Take Two Years, City Engineer Says.\n\nWork starts in May.",
     "Bridge Repairs Will Take Two Years", "City Engineer", "Says"),
])
def test_headline_attributions(nlp, text: str, content: str, speaker: str, cue: str) -> None:
    doc = nlp(text)
    found = [(_text(doc, (q.start, q.end)), _text(doc, q.speaker), _text(doc, q.cue))
             for q in find_quotes(doc) if q.kind == "indirect"]
    assert (content, speaker, cue) in found


@pytest.mark.parametrize("text", [
    "Stealth Over Health: A Quiet Week in the Capital.\n\nNothing happened on Monday.",
    "Ah, Spring Again: Parks Fill Up Across the City.\n\nThe parks were full.",
])
def test_headline_without_a_speaker_is_a_title(nlp, text: str) -> None:
    doc = nlp(text)
    first_line = text.index("\n")
    assert [q for q in find_quotes(doc) if q.start < first_line] == []


def test_transcript_turns_take_their_labelled_speaker(nlp) -> None:
    doc = nlp('Anchor Lisa Brandt interviewed Senator Tom Okoro on Sunday. A partial '
              'transcript:\n\n"BRANDT: Will the bill pass this week?\n\n"OKORO: It will pass, '
              'and by a wide margin.\n\n"BRANDT: Even without the governor?')
    turns = [(_text(doc, (q.start, q.end)), _text(doc, q.speaker), _text(doc, q.cue))
             for q in merge_groups(_direct(doc))]
    assert [t[1:] for t in turns] == [("BRANDT", ":"), ("OKORO", ":"), ("BRANDT", ":")]


@pytest.mark.parametrize(("sentence", "content"), [
    ("It was reported that the minister had resigned.", "that the minister had resigned"),
    ("The mayor was accused of hiding the audit.", "The mayor was accused of hiding the audit"),
])
def test_passive_speech_without_a_source_has_no_speaker(nlp, sentence: str,
                                                        content: str) -> None:
    doc = nlp(sentence)
    found = [(_text(doc, (q.start, q.end)), q.speaker) for q in _indirect(doc)]
    assert (content, None) in found


@pytest.mark.parametrize("sentence", [
    "Tanks backed the infantry on the ridge.",  # a stance verb in a physical sense
    "The bridge supports heavy trucks.",
    "Rebels attacked the convoy near the border.",  # "attack" by no person: an act
    "The troops were backed by tanks.",  # a passive agent that cannot speak
    "Her son likes to sing.",  # "like to" without "would" is no wish voiced
    "The bridge was closed on Monday.",  # a one-word date is never what was said
    # what was not said: "rather than", "instead of", "without"
    "The minister left early rather than signaling an end to the strike.",
    "The mayor resigned without mentioning the audit.",
    "The bill was passed on Monday.",  # a passive act, not speech
    "The meeting was announced last week.",  # passive speech with neither source nor reason
])
def test_stance_needs_a_speaking_subject(nlp, sentence: str) -> None:
    assert _indirect(nlp(sentence)) == []


@pytest.mark.parametrize(("text", "antecedent"), [
    (("The city sent a cease-and-desist letter on Thursday. It says the campaign used its logo "
      "without permission."), "The city"),
    ("Local officials met the inspectors on Monday. They said the dam was safe.",
     "Local officials"),
])
def test_it_and_they_take_an_organisation_or_group_subject(nlp, text: str,
                                                           antecedent: str) -> None:
    doc = nlp(text)
    (quote,) = _indirect(doc)
    assert _text(doc, quote.antecedent) == antecedent


@pytest.mark.parametrize(("text", "speaker"), [
    # a direct quote inside what another speaker reports
    (("Mayor Ruth Ostrander said on Monday that the governor had described the levy as "
     "“a tax on hope” during the campaign."), "Ruth Ostrander"),
    # an indirect one: the clause of "promised" inside what Okafor says
    ("Senator Dele Okafor says the contractor promised to finish the school by June.",
     "Dele Okafor"),
    # a second reported clause joined by "and that"
    (("Chief Inspector Hana Leitner said the tapes were incomplete and that the footage did "
     "not show the driver."), "Hana Leitner"),
])
def test_nested_attribution_goes_to_the_outer_source(nlp, text: str, speaker: str) -> None:
    doc = nlp(text)
    quotes = find_quotes(doc)
    assert quotes
    assert {_who(doc, q) for q in quotes} == {speaker}


def test_a_cue_inside_quotation_marks_keeps_its_own_speaker(nlp) -> None:
    doc = nlp("“The driver told me he said nothing,” Officer Lena Brandt said.")
    quotes = find_quotes(doc)
    assert [_who(doc, q) for q in _direct(doc)] == ["Lena Brandt"]
    assert all(_who(doc, q) == "Lena Brandt" for q in quotes)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The rule asks for a “lawful source of investment income,” as a Treasury memo put it.",
     "Treasury"),
    (("As Senator Ada Lind put it in July, the network is “providing a view you will not get "
     "elsewhere.”"), "Ada Lind"),
])
def test_as_someone_put_it_attributes_the_quote(nlp, text: str, speaker: str) -> None:
    doc = nlp(text)
    (quote,) = _direct(doc)
    assert (_text(doc, quote.speaker), _text(doc, quote.cue)) == (speaker, "put")


def test_put_without_as_is_no_cue(nlp) -> None:
    assert find_quotes(nlp("The clerk put it on the table and left.")) == []


def test_quote_after_a_reporting_sentence_goes_on_with_its_speaker(nlp) -> None:
    doc = nlp("The council may delay the vote until spring, Mayor Ines Varga said. “We do not "
              "have the money yet.”")
    (quote,) = _direct(doc)
    assert "Ines Varga" in (_text(doc, quote.speaker) or "")
    assert _text(doc, quote.cue) == "said"


def test_quote_after_a_sentence_that_is_no_speech_keeps_no_speaker(nlp) -> None:
    doc = nlp("The vote was delayed until spring. “We do not have the money yet.” The clerk left.")
    assert [q.speaker for q in _direct(doc)] == [None]


@pytest.mark.parametrize(("sentence", "content", "speaker"), [
    ("As Senator Ada Lind talked about rebuilding the port, the crowd cheered.",
     "rebuilding the port", "Ada Lind"),
    ("Mayor Tom Reyes raised questions about the budget of the police.",
     "the budget of the police", "Tom Reyes"),
    ("Tom Reyes weighed in about whether the video should be released.",
     "whether the video should be released", "Tom Reyes"),
])
def test_talking_about_and_raising_questions_report_their_topic(nlp, sentence: str,
                                                                 content: str,
                                                                 speaker: str) -> None:
    doc = nlp(sentence)
    found = [(_text(doc, (q.start, q.end)), _text(doc, q.speaker)) for q in _indirect(doc)]
    assert (content, speaker) in found


def test_questions_nobody_raises_are_no_quote(nlp) -> None:
    assert _indirect(nlp("There are questions about the budget of the police.")) == []


@pytest.mark.parametrize(("sentence", "content", "speaker"), [
    ("Ruth Haas has been a vocal supporter of the treaty with Chile.", "the treaty with Chile",
     "Ruth Haas"),
    ("Senator Tom Reyes, a longtime critic of the tariff, voted no.", "the tariff", "Tom Reyes"),
])
def test_a_critic_or_supporter_of_something_holds_that_stance(nlp, sentence: str, content: str,
                                                               speaker: str) -> None:
    doc = nlp(sentence)
    found = [(_text(doc, (q.start, q.end)), _text(doc, q.speaker)) for q in _indirect(doc)]
    assert (content, speaker) in found


def test_a_symbol_of_something_is_no_stance(nlp) -> None:
    assert _indirect(nlp("The old bridge is a symbol of hope for the town.")) == []


@pytest.mark.parametrize(("sentence", "content", "speaker"), [
    ("The agency decided after a long inquiry not to recommend charges.",
     "not to recommend charges", "The agency"),
    ("Mr. Reyes hopes to offset all of the emissions with credits.",
     "to offset all of the emissions with credits", "Reyes"),
])
def test_verbs_of_belief_and_intention_report_their_infinitive(nlp, sentence: str, content: str,
                                                               speaker: str) -> None:
    doc = nlp(sentence)
    found = [(_text(doc, (q.start, q.end)), _text(doc, q.speaker)) for q in _indirect(doc)]
    assert (content, speaker) in found


@pytest.mark.parametrize(("sentence", "content"), [
    ("Mr. Reyes responded with attacks on the mayor.", "attacks on the mayor"),
    ("Mr. Reyes responded by citing the crime figures of the city.",
     "citing the crime figures of the city"),
])
def test_responding_with_or_by_reports_the_response(nlp, sentence: str, content: str) -> None:
    doc = nlp(sentence)
    found = [(_text(doc, (q.start, q.end)), _text(doc, q.speaker)) for q in _indirect(doc)]
    assert (content, "Reyes") in found


@pytest.mark.parametrize(("sentence", "content"), [
    ("Mr. Reyes likened the network to the BBC in an interview.", "the network to the BBC"),
    ("Mr. Reyes has portrayed himself as a shrewd reader of the tax code.",
     "himself as a shrewd reader of the tax code"),
    ("Mr. Reyes vowed consequences for the vandals.", "consequences for the vandals"),
    ("Mr. Reyes threatened reprisals against the town.", "reprisals against the town"),
])
def test_likening_portraying_vowing_report_what_was_said(nlp, sentence: str, content: str) -> None:
    doc = nlp(sentence)
    found = [(_text(doc, (q.start, q.end)), _text(doc, q.speaker)) for q in _indirect(doc)]
    assert (content, "Reyes") in found


def test_comparing_without_a_likeness_reports_nothing(nlp) -> None:
    assert _indirect(nlp("The study compared the two groups.")) == []


def test_noun_of_a_phrase_before_the_cue_is_not_the_speaker(nlp) -> None:
    doc = nlp('Protesters marching through the streets chanted "What curfew?" until dawn.')
    (quote,) = _direct(doc)
    assert _text(doc, quote.speaker) == "Protesters"


@pytest.mark.parametrize(("sentence", "content", "speaker"), [
    ("The union pointed to the vote in Britain as an example of rising anger at trade.",
     "the vote in Britain", "The union"),
    ("The agency decided against recommending charges.", "recommending charges", "The agency"),
])
def test_pointing_to_and_deciding_against_report_their_object(nlp, sentence: str, content: str,
                                                              speaker: str) -> None:
    doc = nlp(sentence)
    found = [(_text(doc, (q.start, q.end)), _text(doc, q.speaker)) for q in _indirect(doc)]
    assert (content, speaker) in found


def test_a_guard_pointing_to_a_door_says_nothing(nlp) -> None:
    assert _indirect(nlp("The old stone pointed to the door of the barn.")) == []


@pytest.mark.parametrize(("sentence", "content", "speaker"), [
    ("The mayor has made the case for a new tax on fuel.", "a new tax on fuel", "The mayor"),
    ("The union filed a motion to delay the vote.", "to delay the vote", "The union"),
    ("The court's conclusion that the law was void surprised the mayor.",
     "that the law was void", "The court's"),
])
def test_more_nouns_of_speech_report_for_their_owner(nlp, sentence: str, content: str,
                                                     speaker: str) -> None:
    doc = nlp(sentence)
    found = [(_text(doc, (q.start, q.end)), _text(doc, q.speaker)) for q in _indirect(doc)]
    assert (content, speaker) in found


@pytest.mark.parametrize(("sentence", "content"), [
    ("The protesters were frustrated that the city released only part of the video.",
     "that the city released only part of the video"),
    ("The residents were concerned about the noise of the new road.",
     "the noise of the new road"),
])
def test_stance_adjective_read_as_a_participle(nlp, sentence: str, content: str) -> None:
    doc = nlp(sentence)
    found = [_text(doc, (q.start, q.end)) for q in _indirect(doc)]
    assert content in found


def test_a_passive_participle_of_no_stance_reports_nothing(nlp) -> None:
    assert _indirect(nlp("The window was broken by the storm.")) == []


def test_a_clause_inside_a_reported_clause_is_not_a_second_quote(nlp) -> None:
    doc = nlp("Senator Dele Okafor says the contractor promised to finish the school by June.")
    assert [_text(doc, (q.start, q.end)) for q in _indirect(doc)] == [
        "the contractor promised to finish the school by June"]


def test_a_coordinated_statement_stays_a_quote_of_its_own(nlp) -> None:
    doc = nlp("Mayor Ines Varga said the storm had cut power to the port and warned that "
              "repairs would take weeks.")
    found = [_who(doc, q) for q in _indirect(doc)
             if _text(doc, (q.start, q.end)) == "that repairs would take weeks"]
    assert len(found) == 1 and "Ines Varga" in found[0]


def test_reported_clause_after_an_intervening_phrase(nlp) -> None:
    doc = nlp("Mr. Lind said after the meeting he would not accept the offer.")
    assert [(_text(doc, (q.start, q.end)), _text(doc, q.speaker)) for q in _indirect(doc)] == [
        ("he would not accept the offer", "Lind")]


def test_a_time_clause_after_said_is_not_what_was_said(nlp) -> None:
    assert _indirect(nlp("Mr. Lind said goodbye when he left the hall.")) == []


def test_a_statement_before_another_speech_verb_keeps_its_own_speaker(nlp) -> None:
    doc = nlp("“Are we winning?” she asked, but her husband was asleep, and as the senator went "
              "on, Ana Ruiz said yes, again and again.")
    (quote,) = _direct(doc)
    assert (_text(doc, quote.speaker), _text(doc, quote.cue)) == ("she", "asked")


@pytest.mark.parametrize("sentence", [
    "Its military wing threatens no one.",
    "The mayor announced nothing new on Monday.",
])
def test_an_empty_object_is_not_what_was_said(nlp, sentence: str) -> None:
    assert _indirect(nlp(sentence)) == []
