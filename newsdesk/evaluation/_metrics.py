"""Precision, recall and F1: one definition for every scorer, so their figures compare."""

from __future__ import annotations


def prf(hits_predicted: int, predicted: int, hits_gold: int, golds: int) -> tuple[float, float, float]:
    """Precision = right predictions / predictions, recall = gold items found / gold items.

    The two numerators differ when matching is not one-to-one (e.g. two predicted actors naming
    the same gold actor): each side counts its own hits. An empty side scores 0, not 1, so that
    "predicted nothing" never looks perfect.
    """
    precision = hits_predicted / predicted if predicted else 0.0
    recall = hits_gold / golds if golds else 0.0
    return precision, recall, f1(precision, recall)


def prf_counts(true_positives: int, false_positives: int, false_negatives: int) -> tuple[float, float, float]:
    """The same figures from one-to-one counts."""
    tp = true_positives
    return prf(tp, tp + false_positives, tp, tp + false_negatives)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
