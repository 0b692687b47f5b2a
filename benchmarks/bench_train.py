"""Online training throughput of ``backprop.train`` against scikit-learn and a plain numpy loop.

Run with ``make bench`` (or ``.venv/bin/python -m benchmarks.bench_train``). It

1. checks that one epoch of ``train`` equals ``step`` applied sample by sample in order, on both of
   ``train``'s code paths (straight-line Python generated from ``step``'s arithmetic for small networks,
   numpy for larger ones), and that
   scikit-learn's epoch below ends on the same weights; it aborts if not, since a fast wrong answer is
   worth nothing;
2. times one epoch of online training (one update per sample) of the 2-3-1 network on 5,000 samples:
   ``train``, scikit-learn's ``MLPRegressor.partial_fit`` with ``batch_size=1``, and a plain per-sample
   numpy loop; median of several repeats, reported as samples/s and as a ratio to scikit-learn
   measured in the same run;
3. reports how ``train``'s time grows with the number of hidden neurons and of samples.

Target: ``train`` at least 10x scikit-learn's samples/s. Exit status 1 if the check or the target fails.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
import warnings
from collections.abc import Callable

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPRegressor

from backprop import Network, _unrolled, examples, step, train

TARGET = 10.0  # train / scikit-learn, in samples per second
ETA = 0.05


def median_seconds(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median CPU time of each ``run()`` over ``repeats`` rounds, after one untimed warm-up round.

    CPU time of this process (``time.process_time``), not wall time: on a shared machine wall time
    also counts the time other processes held the CPU. The contenders take turns within each round,
    so a change in machine load during the benchmark hits all of them alike and the ratios stay fair.
    """
    times: dict[str, list[float]] = {name: [] for name in runs}
    for round_ in range(repeats + 1):
        for name, run in runs.items():
            start = time.process_time()
            run()
            if round_:  # round 0 is the warm-up
                times[name].append(time.process_time() - start)
    return {name: statistics.median(t) for name, t in times.items()}


# --- the contenders --------------------------------------------------------------------------------------


def sklearn_epoch(net: Network, X: np.ndarray, D: np.ndarray, eta: float) -> Callable[[], MLPRegressor]:
    """One online epoch in scikit-learn, starting from ``net``'s weights every time it is called."""
    mlp = MLPRegressor(hidden_layer_sizes=(net.n_hidden,), activation="logistic", solver="sgd", batch_size=1,
                       momentum=0.0, alpha=0.0, learning_rate_init=eta, shuffle=False, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        mlp.partial_fit(X[:1], D[:1])  # builds the layers; the weights are replaced below

    def run() -> MLPRegressor:
        mlp.coefs_ = [net.w_hidden.T.copy(), net.w_output.T.copy()]
        mlp.intercepts_ = [net.b_hidden.copy(), net.b_output.copy()]
        mlp.partial_fit(X, D)  # with batch_size=1: one update per sample, in order
        return mlp

    return run


def numpy_loop(net: Network, X: np.ndarray, D: np.ndarray, eta: float) -> list[np.ndarray]:
    """The textbook per-sample loop: logsig hidden layer, linear output, one update per sample."""
    w_ik, b_i = net.w_hidden.copy(), net.b_hidden.copy()
    w_ji, b_j = net.w_output.copy(), net.b_output.copy()
    for x, d in zip(X, D):
        y_h = 1.0 / (1.0 + np.exp(-(w_ik @ x + b_i)))
        y = w_ji @ y_h + b_j
        delta_j = d - y  # e f'(v_j), with f'(v_j) = 1
        delta_i = (delta_j @ w_ji) * y_h * (1.0 - y_h)  # uses w_ji(n): computed before its update
        w_ji += eta * np.outer(delta_j, y_h)
        b_j += eta * delta_j
        w_ik += eta * np.outer(delta_i, x)
        b_i += eta * delta_i
    return [w_ik, b_i, w_ji, b_j]


# --- 1. correctness first --------------------------------------------------------------------------------


def max_difference(a: Network, b: Network) -> float:
    return max(float(np.max(np.abs(getattr(a, p) - getattr(b, p))))
               for p in ("w_hidden", "b_hidden", "w_output", "b_output"))


def check(X: np.ndarray, D: np.ndarray) -> bool:
    print("Check: one epoch of train == step applied sample by sample, in order")
    ok = True
    for n_hidden in (3, 30):
        net = Network.random(2, n_hidden, 1, seed=0)
        trained, _ = train(net, X[:500], D[:500], ETA)
        reference = net
        for x, d in zip(X[:500], D[:500]):
            reference = step(reference, x, d, ETA)
        diff = max_difference(trained, reference)
        path = "unrolled" if _unrolled.worth_it(net) else "numpy"
        print(f"  2-{n_hidden}-1 ({path} path), 500 samples: largest difference {diff:.1e}")
        ok &= diff <= 1e-12
    net = Network.random(2, 3, 1, seed=0)
    mlp = sklearn_epoch(net, X, D, ETA)()
    theirs = Network(mlp.coefs_[0].T, mlp.intercepts_[0], mlp.coefs_[1].T, mlp.intercepts_[1])
    diff = max_difference(train(net, X, D, ETA)[0], theirs)
    print(f"  scikit-learn's epoch ends on the same weights as train ({len(X)} samples): largest difference {diff:.1e}")
    ok &= diff <= 1e-9
    w = numpy_loop(net, X, D, ETA)
    diff = max_difference(train(net, X, D, ETA)[0], Network(*w))
    print(f"  the plain numpy loop ends on the same weights too: largest difference {diff:.1e}")
    ok &= diff <= 1e-9
    return ok


# --- 2. throughput and 3. growth -------------------------------------------------------------------------


def throughput(X: np.ndarray, D: np.ndarray, repeats: int) -> float:
    net = Network.random(2, 3, 1, seed=0)
    n = len(X)
    times = median_seconds({
        "scikit-learn MLPRegressor.partial_fit (baseline)": sklearn_epoch(net, X, D, ETA),
        "plain numpy per-sample loop": lambda: numpy_loop(net, X, D, ETA),
        "backprop.train": lambda: train(net, X, D, ETA),
    }, repeats)
    base = times["scikit-learn MLPRegressor.partial_fit (baseline)"]
    print(f"\nOnline training, 2-3-1 network, {n:,} samples, 1 epoch (median CPU time of {repeats} runs)\n")
    print(f"| {'implementation':<50} | {'time (ms)':>10} | {'samples/s':>11} | {'vs scikit-learn':>15} |")
    print(f"|{'-' * 52}|{'-' * 11}:|{'-' * 12}:|{'-' * 16}:|")
    for name, t in times.items():
        print(f"| {name:<50} | {1e3 * t:>10.1f} | {n / t:>11,.0f} | {base / t:>14.1f}x |")
    return base / times["backprop.train"]


def growth(repeats: int) -> None:
    print(f"\nHow train's time grows (1 epoch, median CPU time of {repeats} runs)\n")
    print(f"| {'network':<8} | {'path':<11} | {'samples':>7} | {'time (ms)':>10} | {'µs/sample':>9} "
          f"| {'samples/s':>11} |")
    print(f"|{'-' * 10}|{'-' * 13}|{'-' * 8}:|{'-' * 11}:|{'-' * 10}:|{'-' * 12}:|")
    rows = [(h, 5_000) for h in (3, 30, 300)] + [(3, n) for n in (1_000, 20_000)]
    for n_hidden, n in sorted(rows):
        X, D = examples.regression_data(n, seed=1)
        net = Network.random(2, n_hidden, 1, seed=0)
        t = median_seconds({"train": lambda net=net, X=X, D=D: train(net, X, D, ETA)}, repeats)["train"]
        path = "unrolled" if _unrolled.worth_it(net) else "numpy"
        print(f"| 2-{n_hidden}-1{'':<{4 - len(str(n_hidden))}} | {path:<11} | {n:>7,} | {1e3 * t:>10.1f} | "
              f"{1e6 * t / n:>9.2f} | {n / t:>11,.0f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per measurement (default 5)")
    parser.add_argument("--samples", type=int, default=5_000, help="samples in the throughput run (default 5000)")
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()}, numpy {np.__version__}, scikit-learn {sklearn.__version__}, "
          f"{platform.machine()}\n")
    X, D = examples.regression_data(args.samples, seed=0)
    if not check(X, D):
        print("\nABORTED: the implementations disagree, so timing them would mean nothing.")
        return 1
    ratio = throughput(X, D, args.repeats)
    growth(args.repeats)
    verdict = "PASS" if ratio >= TARGET else "FAIL"
    print(f"\n{verdict}: backprop.train is {ratio:.1f}x scikit-learn's samples/s (target >= {TARGET:.0f}x).")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
