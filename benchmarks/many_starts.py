"""Section 3: many random starts at once (lesson 11's "1000 starts").

1000 XOR networks (2-4-1 sigmoid, normal init) trained for 5000 epochs of full-batch
gradient descent together, as one ``nnlesson.ensemble.Ensemble``, against training them
one at a time with ``nnlesson.train``. One at a time is timed on a sample of members
and multiplied up to 1000; the sampled members must end on the same weights as their
copies inside the ensemble.
"""

from __future__ import annotations

import numpy as np
from timing import Case, Goal, Work, race, seconds, table

import nnlesson as nl
from nnlesson.ensemble import Ensemble

K = 1000
EPOCHS = 5000
LR = 0.5
SIZES = [2, 4, 1]
SAMPLE = [0, 249, 499, 749, 999]  # the members also trained alone


def start() -> Ensemble:
    return Ensemble.random(SIZES, K, "sigmoid", init="normal", rng=0)


def ensemble_case() -> Case:
    def setup() -> Work:
        ens = start()
        X, Y = nl.xor()
        return lambda: ens.train(X, Y, epochs=EPOCHS, lr=LR)

    return setup


def one_at_a_time_case() -> Case:
    def setup() -> Work:
        ens = start()
        nets = [ens.network(i) for i in SAMPLE]
        X, Y = nl.xor()

        def work() -> None:
            for net in nets:
                nl.train(net, X, Y, epochs=EPOCHS, optimizer=nl.GradientDescent(LR))

        return work

    return setup


def agreement() -> float:
    """Largest weight difference between sampled members trained alone and in the ensemble."""
    ens = start()
    alone = [ens.network(i) for i in SAMPLE]
    X, Y = nl.xor()
    ens.train(X, Y, epochs=EPOCHS, lr=LR)
    for net in alone:
        nl.train(net, X, Y, epochs=EPOCHS, optimizer=nl.GradientDescent(LR))
    return max(
        float(np.max(np.abs(a.W - b.W)))
        for i, net in zip(SAMPLE, alone)
        for a, b in zip(ens.network(i).layers, net.layers)
    )


def run(rounds: int) -> list[Goal]:
    print(
        f"3. Many random starts: {K} XOR networks ({'-'.join(map(str, SIZES))} sigmoid) x "
        f"{EPOCHS} epochs of full-batch GD"
    )
    diff = agreement()  # runs both once: the warm-up
    cases = {"Ensemble": ensemble_case(), "one at a time": one_at_a_time_case()}
    result = race(cases, rounds, warmup=False)
    together = result.median("Ensemble")
    per_net = result.median("one at a time") / len(SAMPLE)
    speedup = result.ratio("one at a time", "Ensemble") * K / len(SAMPLE)
    rows = [
        ["Ensemble (all 1000 at once)", seconds(together), seconds(together / K)],
        [
            f"one at a time ({len(SAMPLE)} timed, x{K // len(SAMPLE)})",
            seconds(per_net * K),
            seconds(per_net),
        ],
    ]
    print(table(rows, ["", f"{K} networks", "per network"]))
    print(f"  sampled members alone vs in the ensemble: max |weight difference| = {diff:.1e}")
    print(f"  ({result.rounds} interleaved rounds, medians)\n")
    same = diff <= 1e-12
    return [
        Goal(
            f"{K} XOR starts: one at a time / Ensemble",
            f"{speedup:.0f}x" + ("" if same else " (WEIGHTS DIFFER)"),
            ">= 50x",
            speedup >= 50 and same,
        ),
        Goal(
            f"{K} XOR starts x {EPOCHS} epochs: Ensemble time",
            seconds(together),
            "<= 5 s",
            together <= 5.0,
        ),
    ]
