"""The cheap English check."""

from __future__ import annotations

from whodid.ingest import check_english
from whodid.ingest.language import MIN_WORDS, english_function_words


def test_function_word_list_is_clean() -> None:
    words = english_function_words()
    assert {"the", "of", "and", "with", "from"} <= words
    assert all(w == w.strip().lower() and not w.startswith("#") for w in words)
    # words common in other Latin-script languages are left out on purpose
    assert not {"a", "in", "die", "was", "de", "la", "en"} & words


def test_english_prose_scores_high(english: str) -> None:
    verdict = check_english(english)
    assert verdict.is_english
    assert verdict.function_share > 0.25
    assert verdict.ascii_share > 0.99


def test_names_are_not_counted(english_names: str) -> None:
    verdict = check_english(english_names)
    assert verdict.is_english
    assert verdict.words < MIN_WORDS  # too few ordinary words to judge: accepted


def test_non_latin_script_is_refused(chinese: str) -> None:
    verdict = check_english(chinese)
    assert not verdict.is_english
    assert verdict.ascii_share == 0.0


def test_russian_is_refused() -> None:
    text = "Правительство в понедельник объявило о направлении дополнительных войск к границе страны."
    assert not check_english(text).is_english


def test_short_foreign_text_is_not_judged() -> None:
    assert check_english("Le ministre est arrivé mardi.").is_english


def test_french_is_refused(french: str) -> None:
    verdict = check_english(french)
    assert not verdict.is_english
    assert verdict.words >= MIN_WORDS
    assert "function words" in verdict.reason
