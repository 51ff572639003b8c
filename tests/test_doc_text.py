"""doc_text: a Doc's text read once, never another Doc's."""

from __future__ import annotations

import spacy

from chronicler.nlp.text import doc_text


def test_each_doc_gets_its_own_text_and_repeats_are_the_same():
    nlp = spacy.blank("en")
    first, second = nlp("The council met in Nairobi."), nlp("Talks  resumed,\nthen stalled.")
    assert doc_text(first) == first.text
    assert doc_text(first) is doc_text(first)
    assert doc_text(second) == "Talks  resumed,\nthen stalled."
    assert doc_text(first) == "The council met in Nairobi."
    assert doc_text(nlp("")) == ""
