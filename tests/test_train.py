"""``step`` (one online iteration) and ``train`` (online epochs) of backprop.train."""

from __future__ import annotations

import math

import numpy as np
import pytest

from backprop import examples
from backprop.network import Network, forward
from backprop.rules import delta_b_output, delta_w_output
from backprop.train import step, train

NINE_PAIRS = [(h, o) for h in ("logsig", "tansig", "purelin") for o in ("logsig", "tansig", "purelin")]


def hand_step(w_4i_for_hidden_rules: list[float] | None = None) -> dict[str, list]:
    """The worked example's weights at n+1, by hand from the slides' final formulas.

    ``w_4i_for_hidden_rules`` replaces w_4i(n) in rules (3) and (4): passing w_4i(n+1) gives what the
    classic mistake (updating the output layer first, then back-propagating through it) would produce.
    """
    w_ik, b_i, w_4i, b_4, x, d, eta = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], [0.1, 0.2, 0.3], [0.7, 0.8, 0.9], 0.4, \
        [1.0, 0.5], 1.0, 0.5
    f = [1 / (1 + math.exp(-(w_ik[i][0] * x[0] + w_ik[i][1] * x[1] + b_i[i]))) for i in range(3)]
    y = sum(w_4i[i] * f[i] for i in range(3)) + b_4
    w_back = w_4i if w_4i_for_hidden_rules is None else w_4i_for_hidden_rules
    return {
        "w_output": [[w_4i[i] + eta * (d - y) * f[i] for i in range(3)]],
        "b_output": [b_4 + eta * (d - y)],
        "w_hidden": [[w_ik[i][k] + eta * (d - y) * w_back[i] * f[i] * (1 - f[i]) * x[k] for k in range(2)]
                     for i in range(3)],
        "b_hidden": [b_i[i] + eta * (d - y) * w_back[i] * f[i] * (1 - f[i]) for i in range(3)],
    }


def test_step_on_the_worked_example_by_hand():
    new = step(examples.NET, examples.X, examples.D, examples.ETA)
    for name, want in hand_step().items():
        np.testing.assert_allclose(getattr(new, name), want, rtol=1e-14, atol=1e-16, err_msg=name)
    assert (new.hidden, new.output) == ("logsig", "purelin")


def uses_output_weights_at_time_n(new: Network) -> bool:
    """True if ``new`` is the right n+1 network, False if its hidden rules used w_4i(n+1); fails otherwise."""
    right = hand_step()
    wrong = hand_step(w_4i_for_hidden_rules=right["w_output"][0])
    gap = np.max(np.abs(np.subtract(right["w_hidden"], wrong["w_hidden"])))
    assert gap > 0.01  # the two really are far apart on this example, so the check below can tell them apart
    if np.allclose(new.w_hidden, right["w_hidden"], rtol=0, atol=1e-12) and \
            np.allclose(new.b_hidden, right["b_hidden"], rtol=0, atol=1e-12):
        return True
    np.testing.assert_allclose(new.w_hidden, wrong["w_hidden"], rtol=0, atol=1e-12)
    return False


def test_hidden_rules_use_the_output_weights_at_time_n():
    assert uses_output_weights_at_time_n(step(examples.NET, examples.X, examples.D, examples.ETA))
    X, D = np.array([examples.X]), np.array([examples.D])
    assert uses_output_weights_at_time_n(train(examples.NET, X, D, examples.ETA)[0])  # pure-Python path


def test_the_time_n_check_catches_the_classic_mistake():
    """A step that updates the output layer first and back-propagates through it must be caught."""

    def wrong_step(net, x, d, eta):
        fp = forward(net, x)
        w_ji = net.w_output + delta_w_output(fp, d, eta)  # updated first: w_ji(n+1)
        e = d - fp.y_output
        delta_i = (e @ w_ji) * fp.y_hidden * (1 - fp.y_hidden)
        return Network(net.w_hidden + eta * np.outer(delta_i, fp.x), net.b_hidden + eta * delta_i,
                       w_ji, net.b_output + delta_b_output(fp, d, eta))

    assert not uses_output_weights_at_time_n(wrong_step(examples.NET, examples.X, examples.D, examples.ETA))


def test_step_returns_a_new_network_and_modifies_nothing():
    net = Network.random(2, 3, 1, seed=0)
    kept = {name: getattr(net, name).copy() for name in ("w_hidden", "b_hidden", "w_output", "b_output")}
    x, d = np.array([0.3, -0.2]), np.array([0.7])
    x0, d0 = x.copy(), d.copy()
    new = step(net, x, d, 0.1)
    assert isinstance(new, Network) and new is not net
    assert new != net
    for name, before in kept.items():
        np.testing.assert_array_equal(getattr(net, name), before)
        assert not np.shares_memory(getattr(new, name), getattr(net, name))
        assert not getattr(new, name).flags.writeable
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(d, d0)
    assert x.flags.writeable and d.flags.writeable


def test_d_is_a_scalar_for_one_output_and_a_vector_otherwise():
    one = Network.random(2, 3, 1, seed=0)
    assert step(one, [1.0, 0.5], 1.0, 0.5) == step(one, [1.0, 0.5], [1.0], 0.5)
    two = Network.random(2, 3, 2, seed=0)
    new = step(two, [1.0, 0.5], [1.0, -1.0], 0.5)
    assert new.w_output.shape == (2, 3)
    with pytest.raises(ValueError, match="d"):
        step(two, [1.0, 0.5], 1.0, 0.5)
    with pytest.raises(ValueError, match="d"):
        step(two, [1.0, 0.5], [1.0, 2.0, 3.0], 0.5)


# --- train -----------------------------------------------------------------------------------------------


def step_by_step(net, X, D, eta):
    """The reference: ``step`` on each sample in order, and E on each sample before its update, by hand."""
    costs = []
    for x, d in zip(X, D):
        y = forward(net, x).y_output
        costs.append(0.5 * sum((dj - yj) ** 2 for dj, yj in zip(np.atleast_1d(d), y)))
        net = step(net, x, d, eta)
    return net, float(np.mean(costs))


def assert_networks_close(a: Network, b: Network, tol: float = 1e-12) -> None:
    for name in ("w_hidden", "b_hidden", "w_output", "b_output"):
        np.testing.assert_allclose(getattr(a, name), getattr(b, name), rtol=0, atol=tol, err_msg=name)
    assert (a.hidden, a.output) == (b.hidden, b.output)


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
@pytest.mark.parametrize(("hidden", "output"), NINE_PAIRS)
def test_one_epoch_equals_step_sample_by_sample(n_hidden, hidden, output):
    net = Network.random(2, n_hidden, 1, seed=2, hidden=hidden, output=output)
    X, D = examples.regression_data(25, seed=1)
    eta = 0.3 if n_hidden == 3 else 0.03  # 30 linear hidden units diverge at 0.3
    trained, costs = train(net, X, D, eta=eta, epochs=1)
    reference, mean_cost = step_by_step(net, X, D, eta)
    assert_networks_close(trained, reference)
    assert costs.shape == (1,)
    assert costs[0] == pytest.approx(mean_cost, rel=1e-12)


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_one_epoch_equals_step_with_several_outputs(n_hidden):
    net = Network.random(3, n_hidden, 2, seed=5, hidden="tansig", output="logsig")
    rng = np.random.default_rng(0)
    X, D = rng.uniform(-1, 1, (20, 3)), rng.uniform(0, 1, (20, 2))
    trained, costs = train(net, X, D, eta=0.2)
    reference, mean_cost = step_by_step(net, X, D, 0.2)
    assert_networks_close(trained, reference)
    assert costs[0] == pytest.approx(mean_cost, rel=1e-12)


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_epochs_continue_from_each_other(n_hidden):
    net = Network.random(2, n_hidden, 1, seed=0)
    X, D = examples.regression_data(15, seed=3)
    three, costs = train(net, X, D, 0.1, epochs=3)
    one, c = net, []
    for _ in range(3):
        one, cost = train(one, X, D, 0.1, epochs=1)
        c.append(cost[0])
    assert_networks_close(three, one)
    np.testing.assert_allclose(costs, c, rtol=1e-12)


def test_column_targets_equal_flat_targets():
    net = Network.random(seed=0)
    X, D = examples.regression_data(10, seed=0)
    assert_networks_close(train(net, X, D, 0.1)[0], train(net, X, D[:, None], 0.1)[0], tol=0)


def test_train_modifies_nothing():
    net = Network.random(2, 30, 1, seed=0)
    X, D = examples.regression_data(10, seed=0)
    X0, D0, w0 = X.copy(), D.copy(), net.w_hidden.copy()
    for n in (net, Network.random(seed=1)):
        train(n, X, D, 0.1, epochs=2, shuffle=True, seed=0)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(D, D0)
    np.testing.assert_array_equal(net.w_hidden, w0)
    assert X.flags.writeable and D.flags.writeable


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_shuffle_is_reproducible_with_a_seed_and_changes_the_order(n_hidden):
    net = Network.random(2, n_hidden, 1, seed=0)
    X, D = examples.regression_data(30, seed=0)
    a = train(net, X, D, 0.2, epochs=2, shuffle=True, seed=7)
    b = train(net, X, D, 0.2, epochs=2, shuffle=True, seed=7)
    c = train(net, X, D, 0.2, epochs=2, shuffle=True, seed=8)
    plain = train(net, X, D, 0.2, epochs=2)
    assert a[0] == b[0]
    np.testing.assert_array_equal(a[1], b[1])
    assert a[0] != c[0]
    assert a[0] != plain[0]


def test_progress_bar_is_off_by_default(capsys):
    X, D = examples.regression_data(5)
    train(Network.random(seed=0), X, D, 0.1, epochs=3)
    out, err = capsys.readouterr()
    assert out == "" and err == ""


def test_progress_bar_prints_on_stderr_when_asked(capsys):
    X, D = examples.regression_data(5)
    _, costs = train(Network.random(seed=0), X, D, 0.1, epochs=4, progress=True)
    out, err = capsys.readouterr()
    assert out == ""
    assert "epoch 4/4" in err and err.endswith("\n")
    assert f"{costs[-1]:.6g}" in err


def test_training_on_the_regression_task_reduces_the_cost():
    X, D = examples.regression_data(200, seed=0)
    net = Network.random(2, 3, 1, seed=0)
    trained, costs = train(net, X, D, eta=0.1, epochs=60, shuffle=True, seed=0)
    assert costs.shape == (60,)
    assert costs[-1] < 0.5 * costs[0]

    def mse(n):
        return float(np.mean([(d - forward(n, x).y_output[0]) ** 2 for x, d in zip(X, D)]))

    assert mse(trained) < 0.5 * mse(net)
    X_test, D_test = examples.regression_data(100, seed=1)  # it learned the function, not just the samples
    assert np.mean([(d - forward(trained, x).y_output[0]) ** 2 for x, d in zip(X_test, D_test)]) < 0.5 * mse(net)


@pytest.mark.parametrize("n_hidden", [3, 30], ids=["pure-python-path", "numpy-path"])
def test_divergence_is_reported_clearly(n_hidden, recwarn):
    net = Network.random(2, n_hidden, 1, seed=2, hidden="purelin")
    X, D = examples.regression_data(25, seed=1)
    with pytest.raises(FloatingPointError, match=r"diverged in epoch 1.*smaller eta \(got 30.0\)"):
        train(net, X, D, eta=30.0)
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]  # one clear error, no warning noise
