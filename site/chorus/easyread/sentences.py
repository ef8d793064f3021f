"""Find sentences too long for Easy Read.

Easy Read keeps to one idea per sentence and about 15 words at most (docs/easy-read.md).
Editors are told about longer sentences after they save (``wagtail_hooks``) and while they
type (``static/easyread/js/long-sentences.js``, which counts words the same way)::

    long_sentences(["We meet on Monday. Bring a friend."])  # [] : both are short
    long_sentences([" ".join(["word"] * 16) + "."])          # [LongSentence(text=..., words=16)]
"""

import re
from dataclasses import dataclass

#: The most words an Easy Read sentence should have.
MAX_WORDS = 15

# A sentence ends at ".", "!" or "?" (and any closing quotes or brackets) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")
# A word has at least one letter or digit: a dash or "&" on its own is not a word.
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class LongSentence:
    """A sentence over ``MAX_WORDS`` words, and how many words it has."""

    text: str
    words: int


def split_sentences(text):
    """Return the sentences in ``text`` (a string of plain text), stripped, empty ones left out."""
    return [part.strip() for part in _SENTENCE_END.split(text or "") if part.strip()]


def count_words(sentence):
    """Return how many words ``sentence`` has (tokens between spaces holding a letter or digit)."""
    return sum(1 for token in sentence.split() if _WORD.search(token))


def long_sentences(texts, max_words=MAX_WORDS):
    """Return a ``LongSentence`` for each sentence in ``texts`` over ``max_words`` words."""
    found = []
    for text in texts:
        for sentence in split_sentences(text):
            words = count_words(sentence)
            if words > max_words:
                found.append(LongSentence(sentence, words))
    return found
