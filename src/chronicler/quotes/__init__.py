"""The quotation stage: direct and indirect quotes, their cues and speakers, from a parsed Doc.

``find_quotes(doc)`` returns the speech quotes of a parsed spaCy Doc (pure: no I/O, no extra
model; regular expressions and token scans); ``find_non_speech(doc)`` the quoted strings that
are titles, terms or scare quotes; ``analyse(doc)`` both at once.

Choices:

* Quotation marks are paired per paragraph (``marks``): a missing mark affects one paragraph.
* A quote interrupted by its cue ("“We will win,” he said, “and soon.”") gives two
  ``QuoteSpan`` parts with the same speaker and the same ``group``; so do the further quoted
  sentences of a paragraph ("“A,” she said. “B.”"). A quote running over several paragraphs
  (each reopened with a mark, the earlier ones left open) gives one part per paragraph, again
  in one group. ``merge_groups`` turns the parts into one span per attribution (from the first
  part's start to the last part's end), which is what attribution gold sets such as PolNeAR
  count as one quote.
* A quoted string is speech when a speech cue with a speaker governs it in its clause, or it
  is a sentence of its own; short quotes (three words or fewer) inside a sentence with no
  such cue are scare quotes; quotes after "titled", "the book", "the film" … (or Title-Case
  strings with no cue) are titles; after "so-called", "the term" … they are terms.
* Indirect speech is what a cue reports (``indirect``): the clause of a speech, belief or
  intention verb; the object of a verb of stance, emphasis or making public; the complement
  of a stance adjective; what a noun of speech or stance reports for its possessor, its
  "by"/"from" phrase or the subject of a light verb ("made a condemnation of"). Passive
  speech with no source named ("it was reported that ...", "he was accused of lying") is
  kept with a null speaker, never a guessed one.
* Nested attribution goes to the outer source (``nesting``): in "Smith said that Jones
  described the deal as “a disaster”" the quote is Smith's, as attribution schemes such as
  PolNeAR count it; a reported clause inside another speaker's reported clause is part of
  that quote, not a second one (a cue coordinated with the reported verb stays its own).
* "as X put it" attributes the quotes of its sentence to X; a cue-less quote right after a
  reporting sentence of its paragraph ("…, Lee said. “…”") goes on with that speaker.
* Word lists are data: ``data/*.txt``.
"""

from .core import analyse, find_non_speech, find_quotes, merge_groups
from .model import NON_SPEECH_KINDS, QuoteSpan

__all__ = ["NON_SPEECH_KINDS", "QuoteSpan", "analyse", "find_non_speech", "find_quotes",
           "merge_groups"]
