"""The course's terms in English and Chinese: one list for both editions and their tests.

Each :class:`Term` pairs the English word the course uses with **the** Chinese word the
Chinese edition uses for it (the one a learner meets in current textbooks), a one-line
meaning in each language, the lessons that teach it, and the other Chinese words the
source articles use. Lesson 00 of each edition shows the table (:func:`render`); the
terminology test (``tests/test_translations.py``) checks that wherever an English cell
says ``english``, its Chinese twin says ``chinese``.
"""

from __future__ import annotations

from dataclasses import dataclass

START = "<!-- glossary:start -->"
END = "<!-- glossary:end -->"


@dataclass(frozen=True)
class Term:
    english: str
    chinese: str
    meaning: str
    meaning_zh: str
    lessons: str
    articles: str = ""  # other Chinese words the source articles use (and where)
    checked: bool = True  # False: too common or compound for the word-for-word test


# fmt: off
TERMS: tuple[Term, ...] = (
    Term("neuron", "神经元", "weighted sum of inputs plus a bias, passed through an activation",
         "输入的加权和加上偏置，再经过激活函数", "01"),
    Term("weight", "权重", "the number on a connection; how strongly one unit's output counts",
         "连接上的数：一个单元的输出算多重", "01", "权值 (articles 002, 004)"),
    Term("weighted average", "加权平均", "an average where each value counts as often as its weight",
         "每个值按它的权数计入的平均", "00, 01", "权数 (article 004)"),
    Term("bias", "偏置", "a number added to the weighted sum",
         "加到加权和上的一个数", "01", "阈值 (threshold, with the opposite sign)"),
    Term("net input", "净输入", "$z = \\sum_i w_i x_i + b$", "$z = \\sum_i w_i x_i + b$", "01",
         "加权求和, net (article 004)"),
    Term("activation function", "激活函数", "$f$ in $a = f(z)$: step, sigmoid, tanh, ReLU",
         "$a = f(z)$ 中的 $f$：阶跃、sigmoid、tanh、ReLU", "01"),
    Term("hidden layer", "隐藏层", "the units between the inputs and the outputs",
         "输入和输出之间的那些单元", "01, 11", "隐含层"),
    Term("output layer", "输出层", "the units whose outputs are the network's answer",
         "输出就是网络答案的那些单元", "01"),
    Term("forward pass", "前向传播", "compute every unit's output, input side first",
         "从输入一侧开始，算出每个单元的输出", "01"),
    Term("loss", "损失", "one number saying how wrong the outputs are",
         "一个数，表示输出错了多少", "02", "代价函数, 目标函数 $J$ (article 003), 误差 $E$ (article 004)"),
    Term("mean squared error", "均方误差", "$\\frac1n \\sum (y - \\hat y)^2$",
         "$\\frac1n \\sum (y - \\hat y)^2$", "02", "MSE (article 000)"),
    Term("total error", "总误差", "$\\sum \\frac12 (\\text{target} - \\text{out})^2$, the worked example's loss",
         "$\\sum \\frac12 (\\text{target} - \\text{out})^2$，算例的损失", "02, 03", "$E_{\\text{total}}$ (article 004)"),
    Term("partial derivative", "偏导数", "$\\partial L/\\partial w$: the derivative in one weight, the others held fixed",
         "$\\partial L/\\partial w$：只让一个权重变、其余不变时的导数", "00, 02"),
    Term("gradient", "梯度", "all the partial derivatives together, $\\nabla L$",
         "所有偏导数合在一起，$\\nabla L$", "02"),
    Term("finite differences", "有限差分", "a slope measured as $(L(w+h) - L(w-h))/2h$",
         "用 $(L(w+h) - L(w-h))/2h$ 量出的斜率", "01, 04", "数值梯度"),
    Term("gradient check", "梯度检验", "comparing back-propagation's gradient with the numerical one",
         "把反向传播的梯度和数值梯度比较", "04"),
    Term("chain rule", "链式法则", "derivative of a composition = product of the derivatives",
         "复合函数的导数等于各层导数的乘积", "03"),
    Term("backpropagation", "反向传播", "the chain rule applied layer by layer, output side first",
         "从输出一侧开始，逐层应用链式法则", "03, 04", "BP, 误差反向传播"),
    Term("error term", "误差项", "$\\delta = \\partial L/\\partial z$ of one unit",
         "一个单元的 $\\delta = \\partial L/\\partial z$", "03, 04", "$\\delta_j$ (article 004)"),
    Term("weight matrix", "权重矩阵", "all weights between two layers; shape (inputs, outputs)",
         "两层之间的所有权重；形状为（输入数，输出数）", "01, 04"),
    Term("gradient descent", "梯度下降", "$w \\leftarrow w - \\eta\\,\\partial L/\\partial w$",
         "$w \\leftarrow w - \\eta\\,\\partial L/\\partial w$", "00, 05"),
    Term("learning rate", "学习率", "the step size $\\eta$", "步长 $\\eta$", "05",
         "articles 000 and 003 write $\\alpha$"),
    Term("learning-rate schedule", "学习率调度", "a rate that changes (usually shrinks) as training goes on",
         "随训练进行而改变（通常变小）的学习率", "05", "学习率衰减"),
    Term("oscillation", "震荡", "steps that overshoot back and forth", "来回越过最低点的步子", "05"),
    Term("divergence", "发散", "steps that grow without bound", "越走越大、没有界的步子", "05"),
    Term("local minimum", "局部最小值", "lowest nearby", "附近最低的点", "05, 08"),
    Term("convergence", "收敛", "the weights approach a limit where the gradient is 0",
         "权重趋于一个梯度为 0 的极限", "05"),
    Term("plateau", "平台期", "a stretch of many steps where the loss barely falls, then drops again",
         "损失在很多步里几乎不降、之后又下降的一段", "11"),
    Term("epoch", "轮", "one pass over all training samples", "把全部训练样本用一遍", "06", "Epoch"),
    Term("batch size", "批量大小", "how many samples one update is computed from",
         "一次更新用多少个样本来计算", "06", "批大小"),
    Term("iteration", "迭代", "one update of the weights", "权重的一次更新", "06", "Iteration"),
    Term("full-batch gradient descent", "全批量梯度下降", "every sample in every update",
         "每次更新都用全部样本", "06", "批量梯度下降 (BGD) in article 003"),
    Term("stochastic gradient descent", "随机梯度下降", "one sample per update",
         "每次更新用一个样本", "06", "SGD"),
    Term("mini-batch gradient descent", "小批量梯度下降", "$B$ samples per update",
         "每次更新用 $B$ 个样本", "06", "MBGD; article 000 calls it 批量梯度下降"),
    Term("momentum", "动量", "remember the previous steps' direction",
         "记住前几步的方向", "07"),
    Term("bias correction", "偏差修正", "Adam's division by $1 - \\beta^t$: a running average started at 0 is too small at first",
         "Adam 除以 $1 - \\beta^t$：从 0 开始的滑动平均起初偏小", "07"),
    Term("adaptive learning rate", "自适应学习率", "a step size per weight, from its gradients' history (AdaGrad, RMSProp, Adam)",
         "每个权重有自己的步长，由它的梯度历史决定（AdaGrad、RMSProp、Adam）", "07"),
    Term("eigenvalue", "特征值", "the curvature of the loss along one of its main directions (going further)",
         "损失沿某个主方向的弯曲程度（延伸阅读）", "05", "海森矩阵 (Hessian), 条件数 (condition number)"),
    Term("initialisation", "初始化", "choosing the starting weights", "选择起始权重", "08"),
    Term("saturation", "饱和", "sigmoid near 0 or 1, where its slope is almost 0",
         "sigmoid 接近 0 或 1、斜率几乎为 0 的地方", "08"),
    Term("standardisation", "标准化", "scaling inputs to mean 0, spread 1",
         "把输入缩放到均值 0、标准差 1", "08", "归一化 (to $[-1, 1]$, MATLAB `premnmx`)"),
    Term("training set", "训练集", "data to learn from", "用来学习的数据", "09"),
    Term("validation set", "验证集", "held-out data for choosing when to stop or which setting",
         "留出来、用来决定何时停止或选哪个设置的数据", "09"),
    Term("test set", "测试集", "data to judge on, touched once at the end",
         "用来评判、只在最后用一次的数据", "09, 12", "检验集"),
    Term("overfitting", "过拟合", "fits the training data too closely",
         "把训练数据拟合得太紧", "09"),
    Term("generalisation", "泛化", "doing well on data not trained on",
         "在没训练过的数据上也做得好", "09"),
    Term("regularisation", "正则化", "a penalty that keeps the weights small",
         "让权重保持较小的惩罚项", "09"),
    Term("weight decay", "权重衰减", "L2 regularisation written into the update",
         "写进更新规则里的 L2 正则化", "09"),
    Term("vanishing gradient", "梯度消失", "gradients shrinking layer by layer towards the input",
         "梯度朝输入方向逐层变小", "10", "梯度弥散 (article 002)"),
    Term("layer-wise pre-training", "逐层预训练", "train one layer at a time, then fine-tune by BP",
         "一次训练一层，再用 BP 微调", "10", "逐层初始化 (article 002)"),
    Term("autoencoder", "自编码器", "a network trained to reproduce its input",
         "被训练来重现自己输入的网络", "10"),
    Term("XOR", "异或", "output 1 when exactly one input is 1", "恰有一个输入为 1 时输出 1", "11"),
    Term("linearly separable", "线性可分", "classes a straight line (a hyperplane) can split",
         "一条直线（超平面）就能分开的类别", "11"),
    Term("softmax", "softmax", "scores to probabilities: $e^{z_k} / \\sum_j e^{z_j}$",
         "把分数变成概率：$e^{z_k} / \\sum_j e^{z_j}$", "12", "归一化指数函数", checked=False),
    Term("cross-entropy", "交叉熵", "$-\\sum_k y_k \\log \\hat y_k$, the loss for probabilities",
         "$-\\sum_k y_k \\log \\hat y_k$，概率输出的损失", "12"),
    Term("accuracy", "准确率", "the share of samples classified right",
         "分类正确的样本所占比例", "12", checked=False),  # English also says "accuracy" of a number
    Term("confusion matrix", "混淆矩阵", "counts of (true class, predicted class) pairs",
         "（真实类别，预测类别）对的计数表", "12"),
)
# fmt: on


def render(language: str = "en") -> str:
    """The glossary as a markdown table, for lesson 00 of the English or Chinese edition."""
    if language == "zh":
        lines = ["| 中文 | English | 含义 | 课 | 源文章中的其他说法 |", "|---|---|---|---|---|"]
        rows = [(t.chinese, t.english, t.meaning_zh, t.lessons, t.articles) for t in TERMS]
    else:
        lines = [
            "| English | 中文 | meaning | lesson | other words in the source articles |",
            "|---|---|---|---|---|",
        ]
        rows = [(t.english, t.chinese, t.meaning, t.lessons, t.articles) for t in TERMS]
    for row in rows:
        lines.append("| " + " | ".join(c.replace("|", r"\|") for c in row) + " |")
    return "\n".join(lines)
