"""doc_text: a Doc's text read once, never another Doc's."""

from __future__ import annotations

import spacy

from chronicler.nlp.text import doc_ents, doc_sents, doc_text


def test_each_doc_gets_its_own_text_and_repeats_are_the_same():
    nlp = spacy.blank("en")
    first, second = nlp("The council met in Nairobi."), nlp("Talks  resumed,\nthen stalled.")
    assert doc_text(first) == first.text
    assert doc_text(first) is doc_text(first)
    assert doc_text(second) == "Talks  resumed,\nthen stalled."
    assert doc_text(first) == "The council met in Nairobi."
    assert doc_text(nlp("")) == ""


def test_sentences_are_the_docs_own():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    first, second = nlp("One. Two three."), nlp("Four five. Six. Seven.")
    assert [s.text for s in doc_sents(first)] == ["One.", "Two three."]
    assert [s.text for s in doc_sents(second)] == ["Four five.", "Six.", "Seven."]
    assert doc_text(second) == second.text and len(doc_sents(second)) == 3
    assert [s.text for s in doc_sents(first)] == ["One.", "Two three."]


def test_entities_are_the_docs_own():
    nlp = spacy.blank("en")
    first, second = nlp("Kenya and Chad"), nlp("Peru")
    first.set_ents([spacy.tokens.Span(first, 0, 1, "GPE"), spacy.tokens.Span(first, 2, 3, "GPE")])
    second.set_ents([spacy.tokens.Span(second, 0, 1, "GPE")])
    assert [e.text for e in doc_ents(first)] == ["Kenya", "Chad"]
    assert [e.text for e in doc_ents(second)] == ["Peru"]
    assert [e.text for e in doc_ents(first)] == ["Kenya", "Chad"]
