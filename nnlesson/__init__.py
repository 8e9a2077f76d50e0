"""nnlesson: the helper package of a course on how a neural network updates its weights.

Modules, in the order the lessons teach them:

=================  ==========  ======================================================
module             lessons     what it holds
=================  ==========  ======================================================
``activations``    01, 12      step, sigmoid, tanh, ReLU, identity, softmax; derivatives
``losses``         02, 12      MSE, ½·sum of squares, cross-entropy (softmax, sigmoid)
``layers``         03-04       ``Dense``: forward and backward side by side
``network``        03-04       ``Network``: layers, named weights w1..wN, gradients
``gradcheck``      04          central finite differences, relative-error report
``optimizers``     05-07       GD, momentum, AdaGrad, RMSProp, Adam; schedules
``data``           05-08, 12   batches and epochs, scaling, splits, toy data, digits
``training``       05-11       ``Trainer`` / ``train``: the loop and its history
``plots``          all         matplotlib helpers (imported on use)
``checks``         all         exercise checks with hints
``language``       all         English or 中文: ``set_language("zh")``, ``say(en, zh)``
=================  ==========  ======================================================

``import nnlesson`` needs numpy only; ``nnlesson.plots`` imports matplotlib when used.
"""

# the exercise checks, imported with the package (in the setup cell): they bind the numpy
# functions they compare with before any answer cell runs, and install the one-line
# message a stub shows when it is run unanswered
from nnlesson import checks  # noqa: F401
from nnlesson.activations import (
    ACTIVATIONS,
    Activation,
    get_activation,
    identity,
    relu,
    sigmoid,
    sigmoid_prime,
    softmax,
    step,
    tanh,
)
from nnlesson.data import (
    accuracy,
    batch_indices,
    batches_per_epoch,
    iterate_batches,
    last_batch_size,
    minmax_apply,
    minmax_scale,
    one_hot,
    standardize,
    stratified_split,
    total_iterations,
    train_test_split,
    xor,
)
from nnlesson.gradcheck import GradCheckReport, gradient_check, numerical_gradient
from nnlesson.language import get_language, say, set_language
from nnlesson.layers import Dense, init_weights
from nnlesson.losses import (
    LOSSES,
    Loss,
    binary_cross_entropy,
    cross_entropy,
    get_loss,
    half_sse,
    mse,
)
from nnlesson.network import (
    WORKED_EXAMPLE_INPUTS,
    WORKED_EXAMPLE_TARGETS,
    Network,
    worked_example_network,
)
from nnlesson.optimizers import (
    OPTIMIZERS,
    AdaGrad,
    Adam,
    GradientDescent,
    Momentum,
    Optimizer,
    RMSProp,
    get_optimizer,
)
from nnlesson.training import History, Trainer, TrainingDiverged, train

__version__ = "0.1.0"

__all__ = [
    "ACTIVATIONS",
    "LOSSES",
    "OPTIMIZERS",
    "WORKED_EXAMPLE_INPUTS",
    "WORKED_EXAMPLE_TARGETS",
    "Activation",
    "AdaGrad",
    "Adam",
    "Dense",
    "GradCheckReport",
    "GradientDescent",
    "History",
    "Loss",
    "Momentum",
    "Network",
    "Optimizer",
    "RMSProp",
    "Trainer",
    "TrainingDiverged",
    "accuracy",
    "batch_indices",
    "binary_cross_entropy",
    "batches_per_epoch",
    "cross_entropy",
    "get_activation",
    "get_language",
    "get_loss",
    "get_optimizer",
    "gradient_check",
    "half_sse",
    "identity",
    "init_weights",
    "iterate_batches",
    "last_batch_size",
    "minmax_apply",
    "minmax_scale",
    "mse",
    "numerical_gradient",
    "one_hot",
    "relu",
    "say",
    "set_language",
    "sigmoid",
    "sigmoid_prime",
    "softmax",
    "standardize",
    "stratified_split",
    "step",
    "tanh",
    "total_iterations",
    "train",
    "train_test_split",
    "worked_example_network",
    "xor",
]

# In a notebook kernel: a name missing after a restart, or an exercise stub run before it is
# answered, is answered in one line (nnlesson/notebook_state.py), from the setup cell on.
from nnlesson import notebook_state as _notebook_state  # noqa: E402

_notebook_state.install()
