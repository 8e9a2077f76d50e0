"""Section 5: lesson 12's digits network, nnlesson vs scikit-learn's ``MLPClassifier``.

The same 64-64-10 network (ReLU hidden units, softmax outputs, cross-entropy), the same
stratified split of scikit-learn's 1,797 digits, Adam with η = 0.01, batches of 32, 30
epochs, float64, no L2 penalty, no early stopping: time to train and test accuracy, side by
side in this one process (interleaved rounds, medians). Also the digits panel's callback
(``widgets.DigitsPanel.update``), one slider move.
"""

from __future__ import annotations

import statistics
import time
import warnings

import numpy as np
from timing import Case, Goal, Work, race, seconds, table

import nnlesson as nl
from nnlesson.data import accuracy, digits, one_hot, stratified_split

EPOCHS, BATCH, LR, HIDDEN = 30, 32, 0.01, 64


def split():
    X, labels = digits()
    return stratified_split(X, labels, 0.2, 0.2, rng=12)


def nnlesson_case(data, result: dict) -> Case:
    X_train, y_train, _, _, X_test, y_test = data
    Y_train = one_hot(y_train, 10)

    def setup() -> Work:
        net = nl.Network.build([64, HIDDEN, 10], "relu", "softmax", init="he", rng=1)

        def work() -> None:
            nl.train(net, X_train, Y_train, epochs=EPOCHS, loss="cross_entropy",
                     optimizer=nl.Adam(LR), batch_size=BATCH, rng=2)  # fmt: skip
            result["nnlesson"] = accuracy(net, X_test, y_test)

        return work

    return setup


def sklearn_case(data, result: dict) -> Case:
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X_train, y_train, _, _, X_test, y_test = data

    def setup() -> Work:
        clf = MLPClassifier(hidden_layer_sizes=(HIDDEN,), activation="relu", solver="adam",
                            learning_rate_init=LR, batch_size=BATCH, max_iter=EPOCHS, alpha=0.0,
                            tol=0.0, n_iter_no_change=EPOCHS + 1, shuffle=True, random_state=0)  # fmt: skip

        def work() -> None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                clf.fit(X_train, y_train)
            result["scikit-learn"] = clf.score(X_test, y_test)

        return work

    return setup


def panel_callback(data, rounds: int) -> float:
    """Median time of one slider move of the digits panel (forward pass, PNG, 21 widgets)."""
    from nnlesson.widgets import DigitsPanel

    X_train, y_train, _, _, X_test, y_test = data
    net = nl.Network.build([64, HIDDEN, 10], "relu", "softmax", init="he", rng=1)
    nl.train(net, X_train, one_hot(y_train, 10), epochs=5, loss="cross_entropy",
             optimizer=nl.Adam(LR), batch_size=BATCH, rng=2)  # fmt: skip
    panel = DigitsPanel(net, X_test, y_test)
    times = []
    for k in range(max(rounds, 5) * 4):
        start = time.perf_counter()
        panel.update(k % len(X_test), 0.05 * (k % 7), k % 30)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(rounds: int) -> list[Goal]:
    try:
        import sklearn
    except ImportError:
        print("5. digits: scikit-learn is not installed (pip install 'scikit-learn>=1.2')\n")
        return [
            Goal("digits 64-64-10, 30 epochs: nnlesson vs scikit-learn", "skipped", "<= 1x", None)
        ]
    data = split()
    result: dict[str, float] = {}
    print(f"5. Lesson 12's digits network: 64-{HIDDEN}-10, Adam {LR}, batch {BATCH}, {EPOCHS} "
          f"epochs, float64 (scikit-learn {sklearn.__version__}), {rounds} rounds")  # fmt: skip
    r = race({"nnlesson": nnlesson_case(data, result),
              "scikit-learn": sklearn_case(data, result)}, rounds)  # fmt: skip
    rows = [[name, seconds(r.median(name)), f"{result[name]:.3f}"] for name in r.times]
    print(table(rows, ["", "time to train (median)", "test accuracy"]))
    ratio = r.ratio("nnlesson", "scikit-learn")
    print(f"  nnlesson / scikit-learn time: {ratio:.2f} (median of per-round ratios)")
    callback = panel_callback(data, rounds)
    print(f"  digits panel, one slider move: {seconds(callback)} (median)\n")
    return [
        Goal(
            "digits 64-64-10, 30 epochs: time nnlesson / scikit-learn",
            f"{ratio:.2f}x ({seconds(r.median('nnlesson'))} vs {seconds(r.median('scikit-learn'))}; "
            f"accuracy {result['nnlesson']:.3f} vs {result['scikit-learn']:.3f})",
            "<= 1x",
            ratio <= 1.0,
        ),
        Goal(
            "digits panel callback, one slider move",
            seconds(callback),
            "<= 150 ms",
            callback <= 0.150,
        ),  # fmt: skip
    ]


if __name__ == "__main__":
    np.set_printoptions(precision=3)
    run(5)
