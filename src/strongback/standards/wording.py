"""The wording the standards forbid or limit (CONTENT-GUIDE.md, "Writing standards
(checkable)"): causal verbs without the evidence for them, promises, long sentences."""

from __future__ import annotations

import re

from strongback.model import Reference

MAX_SENTENCE_WORDS = 25
"""Longer sentences are errors; the guide asks for 20 words or fewer where possible."""


CAUSAL_VERBS = {
    "cause": ("cause", "causes", "caused"),
    "prevent": ("prevent", "prevents", "prevented"),
    "cure": ("cure", "cures", "cured"),
    "reduce": ("reduce", "reduces", "reduced"),
    "lower": ("lower", "lowers", "lowered"),
    "protect": ("protect", "protects", "protected"),
    "improve": ("improve", "improves", "improved"),
    "increase": ("increase", "increases", "increased"),
    "boost": ("boost", "boosts", "boosted"),
    "relieve": ("relieve", "relieves", "relieved"),
    "heal": ("heal", "heals", "healed"),
    "strengthen": ("strengthen", "strengthens", "strengthened"),
    "ease": ("eases", "eased"),
    "lead to": ("lead to", "leads to", "led to", "leading to"),
    "result in": ("result in", "results in", "resulted in", "resulting in"),
}
"""Words that say one thing makes another happen. Only trials, systematic reviews of trials and
guidelines may back them; observational evidence says 'linked with'. The -ing forms are left out
('muscle-strengthening activity', 'lowering your weight' name a thing, they claim no effect), and
so is bare 'ease' (a noun as often as a verb)."""

CAUSAL_EVIDENCE = frozenset({"guideline", "systematic_review", "rct"})
"""Reference types that may back a causal verb (CONTENT-GUIDE.md, standard 1)."""

STRONG_EVIDENCE = frozenset({"guideline", "systematic_review"})
"""Reference types that may back a `strong` grade (CONTENT-GUIDE.md, "How strong a claim may
be"): a guideline, or a systematic review of trials (not one that pools observational studies).
A narrative review, one trial, observational studies, a lab study, expert opinion or a web page
allow at most `moderate`."""

_NOT_A_VERB_AFTER = {"a", "an", "the", "with", "of"}
"""'linked with reduced pain', 'a lower risk': the word describes, it does not claim a cause."""

_NOT_A_VERB_BEFORE = {"back", "body", "leg", "legs", "limb", "limbs", "belly", "tummy", "abdomen"}
"""'lower back', 'lower legs': a place, not the verb 'lower'."""

_VERB_AFTER = {"can", "could", "may", "might", "will", "would", "to", "does", "did", "do", "helps"}
"""'can lower back pain': after one of these, 'lower' is the verb again."""

BANNED_PHRASES = re.compile(
    r"\b(?:cure[sd]?|curing|guarantee[sd]?|guaranteeing|detox\w*|proven\s+to)\b", re.IGNORECASE
)
"""Promises no health site can keep: 'cure', 'guaranteed', 'detox', 'proven to', and their forms."""


def causal_words(text: str) -> list[str]:
    """Causal verbs in `text` (see `CAUSAL_VERBS`), as written, in order."""
    found = []
    for match in _CAUSAL.finditer(text):
        before = text[: match.start()].split()
        after = text[match.end() :].split()
        if before and before[-1].lower() in _NOT_A_VERB_AFTER:
            continue
        if match.start() > 0 and text[match.start() - 1] == "-":  # 'muscle-strengthened'
            continue
        place = after and after[0].lower().strip(".,;:") in _NOT_A_VERB_BEFORE
        modal = before and before[-1].lower() in _VERB_AFTER
        if match.group(0).lower() == "lower" and place and not modal:
            continue
        found.append(match.group(0))
    return found


_CAUSAL = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            (
                r"\s+".join(map(re.escape, form.split()))
                for forms in CAUSAL_VERBS.values()
                for form in forms
            ),
            key=len,
            reverse=True,
        )
    )
    + r")\b",
    re.IGNORECASE,
)


def literal(phrase: str) -> re.Pattern[str]:
    """`phrase` as whole words, whatever spaces or line breaks lie between them."""
    return re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", re.IGNORECASE)


def phrase_pattern(text: str, count: int = 4) -> re.Pattern[str]:
    """Finds the first words of `text` in a source file, whatever Markdown or line breaks lie
    between them."""
    first = [re.escape(word.strip("\"'“”‘’()[],.;:!?*_`")) for word in text.split()[:count]]
    return re.compile(r"[\W_]+".join(word for word in first if word))


def causal_evidence_problem(cited: list[Reference]) -> str | None:
    """Why these references cannot back a causal verb, or None when they can."""
    if not cited:
        return None
    listed = ", ".join(ref.key for ref in cited)
    if all(ref.is_observational for ref in cited):
        return f"backed only by observational sources ({listed}); say 'linked with'"
    if not any(ref.type in CAUSAL_EVIDENCE and not ref.is_observational for ref in cited):
        kinds = ", ".join(f"{ref.key}: {ref.type.replace('_', ' ')}" for ref in cited)
        return (
            f"needs a guideline, systematic review or trial ({kinds}); cite one, "
            "or say 'linked with'"
        )
    return None


def grade_problem(evidence: str, cited: list[Reference]) -> str | None:
    """Why `evidence` is above what these references' study types allow, or None when it is
    not (only `strong` has a floor: see `STRONG_EVIDENCE`)."""
    if evidence != "strong" or not cited:
        return None
    if any(ref.type in STRONG_EVIDENCE and not ref.is_observational for ref in cited):
        return None
    kinds = ", ".join(
        f"{ref.key}: {'observational ' if ref.is_observational else ''}{ref.type.replace('_', ' ')}"
        for ref in cited
    )
    return (
        f"graded 'strong', but its sources allow at most 'moderate' ({kinds}); 'strong' needs "
        "a guideline or a systematic review of trials: cite one, or grade it 'moderate' or "
        "'limited'"
    )
