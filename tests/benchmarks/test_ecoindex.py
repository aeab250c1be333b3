"""EcoIndex as ecoindex.fr computes it: each measure placed among the HTTP
Archive's quantiles, weighted 3 (DOM), 2 (requests), 1 (kilobytes)."""

import pytest

from benchmarks.browser import ecoindex


@pytest.mark.parametrize(
    ("dom", "requests", "kilobytes", "score", "grade"),
    [
        (0, 0, 0, 100, "A"),
        # The third quantile of each: 100 - 5 × (3×3 + 2×3 + 3) / 6.
        (159, 25, 319.53, 85, "A"),
        # Halfway between the third and fourth of the DOM's: 3.5 for it.
        (196, 25, 319.53, 83.75, "A"),
        (753, 95, 1876.08, 40, "E"),
        (600_000, 4000, 300_000, 0, "G"),
    ],
)
def test_scores_and_grades(dom, requests, kilobytes, score, grade):
    assert ecoindex(dom, requests, kilobytes) == (pytest.approx(score), grade)
