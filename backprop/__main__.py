"""``python -m backprop trace``: every intermediate of one online iteration, in the slides' notation."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import examples
from .network import Network, forward
from .rules import cost, delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output, error


def _weights_help() -> str:
    return f"""\
weights file (--weights FILE.json): a JSON object with
  "w_hidden": [[w11, w12], [w21, w22], [w31, w32]]   rows = hidden neurons i, columns = inputs k
  "b_hidden": [b1, b2, b3]
  "w_output": [[w41, w42, w43]]                      rows = output neurons j, columns = hidden i
  "b_output": [b4]
  "hidden": "logsig", "output": "purelin"             optional; logsig, tansig or purelin
  "x": [x1, x2], "d": d, "eta": eta                   optional; --x, --d and --eta win over them
Any sizes work as long as they agree. Without --weights the site's worked example is used, the file
{examples.current_file()}:
{json.dumps(examples.NET.to_dict())}
"""


def _numbers(values: Sequence[float]) -> str:
    return " ".join(f"{v:g}" for v in values)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit status 2, no usage dump
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m backprop", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    trace = sub.add_parser(
        "trace",
        help="print one iteration n -> n+1 step by step",
        description="Print every intermediate of one online iteration n -> n+1: the forward pass, "
        "the error and cost, every update and every new value.",
        epilog=_weights_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    example = "the worked example's"
    trace.add_argument("--x", type=float, nargs="+", metavar="X_K",
                       help=f"the input x_1 x_2 ... (default: the weights file's x, else {example}: "
                            f"{_numbers(examples.X)})")
    trace.add_argument("--d", type=float, nargs="+", metavar="D_J",
                       help=f"the desired output(s) d (default: the weights file's d, else {example}: "
                            f"{_numbers([examples.D])})")
    trace.add_argument("--eta", type=float,
                       help=f"learning rate (default: the weights file's eta, else {example}: {examples.ETA:g})")
    trace.add_argument("--weights", metavar="FILE.json", help="the weights at time n (see below)")
    trace.add_argument("--decimals", type=_decimals, default=6, metavar="N",
                       help="decimals printed in text format (default: 6, as on the site's pages; 0-17)")
    trace.add_argument("--format", choices=["text", "json"], default="text")
    return parser


def _decimals(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--decimals must be a whole number, not {text!r}") from None
    if not 0 <= n <= 17:
        raise argparse.ArgumentTypeError(f"--decimals must be between 0 and 17 (a float has 17 significant "
                                         f"digits), not {n}")
    return n


def trace(net: Network, x: Sequence[float], d: Sequence[float], eta: float) -> list[tuple[str, float]]:
    """Every named quantity of one iteration, in the order a student computes them."""
    fp = forward(net, x)
    d = d[0] if net.n_out == 1 and len(d) == 1 else d
    dw_ji, db_j = delta_w_output(fp, d, eta), delta_b_output(fp, d, eta)
    dw_ik, db_i = delta_w_hidden(fp, d, eta), delta_b_hidden(fp, d, eta)
    hid = range(1, net.n_hidden + 1)
    out = range(net.n_hidden + 1, net.n_hidden + net.n_out + 1)  # the slides number the output 4
    single = net.n_out == 1

    def w(a: int, b: int) -> str:
        return f"w{a}{b}" if a < 10 and b < 10 else f"w{a},{b}"

    rows: list[tuple[str, float]] = []
    rows += [(f"v{i}", v) for i, v in zip(hid, fp.v_hidden)]
    rows += [(f"y_h{i}", y) for i, y in zip(hid, fp.y_hidden)]
    rows += [(f"v{j}", v) for j, v in zip(out, fp.v_output)]
    rows += [("y" if single else f"y{j}", y) for j, y in zip(out, fp.y_output)]
    rows += [("e" if single else f"e{j}", e) for j, e in zip(out, error(fp, d))]
    rows += [("E", cost(fp, d))]
    rows += [(f"Δ{w(j, i)}", dw_ji[a, b]) for a, j in enumerate(out) for b, i in enumerate(hid)]
    rows += [(f"Δb{j}", db_j[a]) for a, j in enumerate(out)]
    rows += [(f"Δ{w(i, k + 1)}", dw_ik[a, k]) for a, i in enumerate(hid) for k in range(net.n_in)]
    rows += [(f"Δb{i}", db_i[a]) for a, i in enumerate(hid)]
    new = [(f"{w(j, i)}(n+1)", net.w_output[a, b] + dw_ji[a, b])
           for a, j in enumerate(out) for b, i in enumerate(hid)]
    new += [(f"b{j}(n+1)", net.b_output[a] + db_j[a]) for a, j in enumerate(out)]
    new += [(f"{w(i, k + 1)}(n+1)", net.w_hidden[a, k] + dw_ik[a, k])
            for a, i in enumerate(hid) for k in range(net.n_in)]
    new += [(f"b{i}(n+1)", net.b_hidden[a] + db_i[a]) for a, i in enumerate(hid)]
    return [(name, float(value)) for name, value in rows + new]


def load_weights(path: str) -> tuple[Network, dict[str, object]]:
    """The network of a weights file, and the x, d, eta it holds (an example file holds all three)."""
    data = examples.read_file(path)
    sample = {key: data[key] for key in examples.SAMPLE_KEYS if key in data}
    return examples.network_from(data, path), sample


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        sample: dict[str, object] = {"x": examples.X.tolist(), "d": examples.D, "eta": examples.ETA}
        net = examples.NET
        if args.weights:
            net, in_file = load_weights(args.weights)
            sample.update(in_file)  # the file's own x, d, eta win over the worked example's
        x = args.x if args.x is not None else sample["x"]
        d = args.d if args.d is not None else sample["d"]
        eta = args.eta if args.eta is not None else sample["eta"]
        rows = trace(net, x, d if isinstance(d, list) else [d], eta)
    except (ValueError, TypeError) as exc:
        parser.error(str(exc))
    if args.format == "json":
        print(json.dumps(dict(rows), indent=2, ensure_ascii=False))
    else:
        width = max(len(name) for name, _ in rows)
        for name, value in rows:
            print(f"{name:<{width}} = {value: .{args.decimals}f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
