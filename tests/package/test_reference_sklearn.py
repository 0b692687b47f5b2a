"""``step`` and ``train`` against scikit-learn's MLPRegressor, an implementation nobody here wrote.

MLPRegressor with one hidden layer, plain SGD on one sample at a time (``batch_size=1``, no momentum,
no L2 penalty, no shuffling) performs exactly the slides' online update: its loss for one sample is
:math:`\\tfrac12 e^2` and its output activation is always the identity (our ``purelin``).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import numpy as np
import pytest

from backprop import examples
from backprop.network import Network, forward
from backprop.train import step, train
from tests.support import oracle

if TYPE_CHECKING:
    from sklearn.neural_network import MLPRegressor

SKLEARN_NAME = {"logsig": "logistic", "tansig": "tanh", "purelin": "identity"}


def sklearn_twin(net: Network, eta: float) -> MLPRegressor:
    """An MLPRegressor set up for online SGD, holding ``net``'s weights (sklearn stores them transposed)."""
    # Imported here: scikit-learn takes over a second to import, which only the worker that runs these tests pays,
    # not every pytest-xdist worker while it collects.
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPRegressor

    assert net.output == "purelin", "sklearn's regressor always has a linear output"
    mlp = MLPRegressor(
        hidden_layer_sizes=(net.n_hidden,), activation=SKLEARN_NAME[net.hidden], solver="sgd", batch_size=1,
        momentum=0.0, alpha=0.0, learning_rate_init=eta, shuffle=False, random_state=0,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        mlp.partial_fit(np.zeros((1, net.n_in)), np.zeros(net.n_out) if net.n_out > 1 else np.zeros(1))
    mlp.coefs_ = [net.w_hidden.T.copy(), net.w_output.T.copy()]
    mlp.intercepts_ = [net.b_hidden.copy(), net.b_output.copy()]
    return mlp


def from_sklearn(mlp: MLPRegressor, like: Network) -> Network:
    return Network(mlp.coefs_[0].T, mlp.intercepts_[0], mlp.coefs_[1].T, mlp.intercepts_[1],
                   hidden=like.hidden, output=like.output)


def assert_close(a: Network, b: Network, tol: float = 1e-12) -> None:
    for name in ("w_hidden", "b_hidden", "w_output", "b_output"):
        np.testing.assert_allclose(getattr(a, name), getattr(b, name), rtol=0, atol=tol, err_msg=name)


def test_twin_holds_our_weights_and_predicts_like_forward():
    net = examples.NET
    mlp = sklearn_twin(net, examples.ETA)
    assert mlp.predict(examples.X[None, :])[0] == pytest.approx(forward(net, examples.X).y_output[0], rel=1e-14)


@pytest.mark.parametrize("hidden", ["logsig", "tansig", "purelin"])
def test_step_equals_one_sklearn_partial_fit(hidden):
    net = examples.NET if hidden == examples.NET.hidden else Network.random(2, 3, 1, seed=1, hidden=hidden)
    x, d, eta = examples.X, examples.D, examples.ETA
    mlp = sklearn_twin(net, eta)
    mlp.partial_fit(x[None, :], np.array([d]))
    ours = step(net, x, d, eta)
    assert ours != net  # a real update happened, so agreeing means something
    assert_close(ours, from_sklearn(mlp, net))


def network_of(ex: dict) -> Network:
    return Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"],
                   hidden=ex.get("hidden", "logsig"), output=ex.get("output", "purelin"))


@pytest.mark.parametrize("ex", [oracle.load_example(), oracle.HAND], ids=["worked-example", "hand"])
def test_step_changed_the_weights_the_rules_move_like_sklearn(ex):
    """sklearn moves exactly the weights whose update the oracle finds nonzero; on the hand network (x_k != 0,
    e != 0, w_4i != 0) that is every weight."""
    net, x, d, eta = network_of(ex), np.array(ex["x"]), ex["d"], ex["eta"]
    it = oracle.iteration(ex)
    mlp = sklearn_twin(net, eta)
    mlp.partial_fit(x[None, :], np.array([d]))
    theirs = from_sklearn(mlp, net)
    for name in ("w_hidden", "b_hidden", "w_output", "b_output"):
        moves = np.array(it[f"d{name}"]) != 0  # dw_hidden, db_hidden, ...
        np.testing.assert_array_equal(getattr(theirs, name) != getattr(net, name), moves, err_msg=name)
        if ex is oracle.HAND:
            assert moves.all(), name  # with x_k != 0, every weight moves
    assert_close(step(net, x, d, eta), theirs)


def test_sklearn_loss_is_one_half_e_squared():
    net, x, d, eta = examples.NET, examples.X, examples.D, examples.ETA
    mlp = sklearn_twin(net, eta)
    mlp.partial_fit(x[None, :], np.array([d]))
    e = d - forward(net, x).y_output[0]
    assert mlp.loss_ == pytest.approx(0.5 * e**2, rel=1e-14)  # measured before the update, like ours


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
@pytest.mark.parametrize("hidden", ["logsig", "tansig", "purelin"])
def test_one_epoch_of_train_equals_sklearn_online_sgd(hidden, n_hidden):
    net = Network.random(2, n_hidden, 1, seed=4, hidden=hidden)
    X, D = examples.regression_data(40, seed=2)
    eta = 0.2 if n_hidden == 3 else 0.02
    mlp = sklearn_twin(net, eta)
    mlp.partial_fit(X, D)  # one pass, one sample at a time, in order
    ours, costs = train(net, X, D, eta, epochs=1)
    assert_close(ours, from_sklearn(mlp, net))
    assert costs[0] == pytest.approx(mlp.loss_, rel=1e-12)  # both: mean of 1/2 e^2 before each update


def test_several_steps_in_a_row_equal_sklearn():
    net = Network.random(2, 3, 1, seed=0)
    X, D = examples.regression_data(10, seed=5)
    mlp = sklearn_twin(net, 0.3)
    ours = net
    for x, d in zip(X, D):
        mlp.partial_fit(x[None, :], np.array([d]))
        ours = step(ours, x, d, 0.3)
        assert_close(ours, from_sklearn(mlp, net))
