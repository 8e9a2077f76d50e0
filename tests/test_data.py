import numpy as np
import pytest

from nnlesson import data

pytestmark = pytest.mark.lesson06


def test_seed_003_counts_keep_and_drop():
    # article 003: "50000/256+1 = 196" batches, 1960 iterations in 10 epochs: that is ceil()
    assert data.batches_per_epoch(50000, 256) == 196
    assert data.last_batch_size(50000, 256) == 80
    assert data.total_iterations(50000, 256, 10) == 1960
    assert data.batches_per_epoch(50000, 256, drop_last=True) == 195
    assert data.total_iterations(50000, 256, 10, drop_last=True) == 1950
    assert data.last_batch_size(50000, 256, drop_last=True) == 256


@pytest.mark.parametrize(("n", "b"), [(10, 1), (10, 3), (10, 10), (12, 4), (7, 6)])
def test_counts_agree_with_the_batches_actually_made(n, b, rng):
    for drop in (False, True):
        batches = data.batch_indices(n, b, rng=rng, drop_last=drop)
        assert len(batches) == data.batches_per_epoch(n, b, drop)
        assert len(batches[-1]) == data.last_batch_size(n, b, drop)


def test_an_epoch_uses_every_sample_exactly_once(rng):
    batches = data.batch_indices(103, 10, shuffle=True, rng=rng)
    seen = np.concatenate(batches)
    assert sorted(seen.tolist()) == list(range(103))
    assert not np.array_equal(seen, np.arange(103))  # it was shuffled
    again = data.batch_indices(103, 10, shuffle=True, rng=rng)
    assert not np.array_equal(np.concatenate(again), seen)  # a new order every epoch


def test_dropping_the_last_batch_leaves_out_the_remainder(rng):
    batches = data.batch_indices(10, 4, shuffle=False, drop_last=True)
    assert [b.tolist() for b in batches] == [[0, 1, 2, 3], [4, 5, 6, 7]]


def test_iterate_batches_yields_matching_rows(rng):
    X = np.arange(20.0).reshape(10, 2)
    Y = X[:, :1] * 10
    for Xb, Yb in data.iterate_batches(X, Y, 3, rng=rng):
        np.testing.assert_array_equal(Yb, Xb[:, :1] * 10)


@pytest.mark.lesson08
def test_minmax_scale_like_premnmx():
    X = np.array([[1.0, 10.0, 5.0], [3.0, 20.0, 5.0], [2.0, 15.0, 5.0]])
    Xs, lo, hi = data.minmax_scale(X)
    np.testing.assert_allclose(Xs[:, 0], [-1.0, 1.0, 0.0])
    np.testing.assert_allclose(Xs[:, 1], [-1.0, 1.0, 0.0])
    np.testing.assert_allclose(Xs[:, 2], [0.0, 0.0, 0.0])  # constant column -> middle
    np.testing.assert_allclose(data.minmax_apply([[4.0, 25.0, 5.0]], lo, hi), [[2.0, 2.0, 0.0]])


@pytest.mark.lesson08
def test_standardize(rng):
    X = rng.normal(3.0, 5.0, size=(200, 2))
    Xs, mean, std = data.standardize(X)
    np.testing.assert_allclose(Xs.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Xs.std(axis=0), 1.0, rtol=1e-12)


def test_train_test_split_partitions_the_rows(rng):
    X = np.arange(40.0).reshape(20, 2)
    Y = X[:, :1]
    Xtr, Ytr, Xte, Yte = data.train_test_split(X, Y, 0.25, rng=rng)
    assert len(Xte) == 5 and len(Xtr) == 15
    assert sorted(np.concatenate([Ytr, Yte]).ravel().tolist()) == Y.ravel().tolist()


def test_data_sets():
    X, Y = data.xor()
    assert X.shape == (4, 2) and Y.ravel().tolist() == [0, 1, 1, 0]
    Xr, y = data.seed_regression()
    assert Xr.tolist() == [[1, 2], [1, 3], [1, 4], [1, 5]] and y.tolist() == [3, 4, 5, 6]
    r = np.random.default_rng(0)
    for make in (data.moons, data.circles):
        Xm, Ym = make(50, rng=r)
        assert Xm.shape == (50, 2) and Ym.shape == (50, 1) and set(Ym.ravel()) == {0.0, 1.0}
