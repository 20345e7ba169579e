"""The NER model's tag sequences: slovnet's CRF (Viterbi) decoding, the same tags found faster.

slovnet's ``CRF.decode`` follows each sentence's best path back one token at a
time, reading numpy arrays element by element; here all the sentences of a
batch step back together. The forward pass is slovnet's, operation for
operation, so the tags are the same.
"""
from __future__ import annotations

import numpy as np


def decode(transitions: np.ndarray, emissions: np.ndarray, mask: np.ndarray) -> list[np.ndarray]:
    """Each sentence's best tag ids: ``emissions`` batch × seq × tags, ``mask`` batch × seq (True on words)."""
    batch_size, seq_len, tags_num = emissions.shape
    emissions = emissions.swapaxes(1, 0)
    mask = mask.swapaxes(1, 0)
    batch_indexes, tags_indexes = np.indices((batch_size, tags_num))
    moves = np.ascontiguousarray(transitions.T)  # to x from: each tag's best predecessor along the last axis
    everyone = mask.all(1)  # the positions where no sentence of the batch has ended
    history = []
    score = emissions[0]  # batch x tags
    for index in range(1, seq_len):
        score_ = score.reshape(batch_size, 1, tags_num) + moves
        score_ += emissions[index].reshape(batch_size, tags_num, 1)  # batch x to x from
        indexes = score_.argmax(-1)
        score_ = score_[batch_indexes, tags_indexes, indexes]
        score = score_ if everyone[index] else np.where(mask[index].reshape(batch_size, 1), score_, score)
        history.append(indexes)

    sizes = mask.sum(0) - 1  # each sentence's last position
    path = np.zeros((batch_size, seq_len), dtype=np.int64)
    current = score.argmax(-1)
    rows = np.arange(batch_size)
    for position in range(seq_len - 1, 0, -1):
        if everyone[position]:
            path[:, position] = current
            current = history[position - 1][rows, current]
            continue
        active = rows[sizes >= position]  # a sentence's best path starts at its last position
        path[active, position] = current[active]
        current[active] = history[position - 1][active, current[active]]
    path[:, 0] = current
    return [path[row, :size + 1] for row, size in enumerate(sizes.tolist())]
