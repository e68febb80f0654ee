using System.Collections;
using TinyTorch.Data;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Data;

public class BatchTests
{
    private static Batch PooledBatch(out DataLoader loader)
    {
        loader = new DataLoader(TestData.Indexed(8, 3), batchSize: 4);
        using var e = loader.GetEnumerator();
        Assert.True(e.MoveNext());
        return e.Current;
    }

    [Fact]
    public void Constructor_KeepsTheTensorsInOrder()
    {
        var x = Tensor.Zeros(4, 3);
        var y = Tensor.Zeros(4);

        var batch = new Batch(x, y);

        Assert.Equal(2, batch.Count);
        Assert.Equal(4, batch.SampleCount);
        Assert.Same(x, batch[0]);
        Assert.Same(y, batch[1]);
        Assert.False(batch.IsPooled);
        Assert.False(batch.IsDisposed);
    }

    [Fact]
    public void Constructor_CopiesTheArray()
    {
        var x = Tensor.Zeros(2);
        Tensor[] tensors = [x];
        var batch = new Batch(tensors);

        tensors[0] = Tensor.Zeros(5);

        Assert.Same(x, batch[0]);
    }

    [Fact]
    public void Constructor_BadArguments_ThrowArgumentExceptions()
    {
        Assert.Equal("tensors", Assert.Throws<ArgumentException>(() => new Batch()).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => new Batch(Tensor.Zeros(1), null!));
        Assert.Equal("tensors", ex.ParamName);
        Assert.Contains("Tensor 1", ex.Message);
        Assert.Throws<ArgumentNullException>(() => new Batch(null!));
    }

    [Fact]
    public void SampleCount_OfAScalarFirstTensor_IsOne()
    {
        Assert.Equal(1, new Batch(Tensor.Scalar(3)).SampleCount);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void Indexer_NoSuchPosition_ThrowsArgumentOutOfRange_NamingThePosition(int position)
    {
        var batch = new Batch(Tensor.Zeros(1), Tensor.Zeros(1));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => batch[position]);
        Assert.Equal("position", ex.ParamName);
        Assert.Contains(position.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Fact]
    public void Deconstruct_SplitsOneTwoAndThreeTensorBatches()
    {
        Tensor a = Tensor.Zeros(1), b = Tensor.Zeros(1), c = Tensor.Zeros(1);

        new Batch(a).Deconstruct(out var one);
        var (x, y) = new Batch(a, b);
        var (p, q, r) = new Batch(a, b, c);

        Assert.Same(a, one);
        Assert.Same(a, x);
        Assert.Same(b, y);
        Assert.Same(a, p);
        Assert.Same(b, q);
        Assert.Same(c, r);
    }

    [Fact]
    public void Deconstruct_WrongArity_ThrowsInvalidOperation()
    {
        var two = new Batch(Tensor.Zeros(1), Tensor.Zeros(1));

        var ex = Assert.Throws<InvalidOperationException>(() => { var (_, _, _) = two; });
        Assert.Contains("2 tensors into 3", ex.Message);
        Assert.Throws<InvalidOperationException>(() => two.Deconstruct(out Tensor _));
        Assert.Throws<InvalidOperationException>(() => { var (_, _) = new Batch(Tensor.Zeros(1)); });
    }

    [Fact]
    public void Enumerator_YieldsTheTensorsInOrder()
    {
        Tensor a = Tensor.Zeros(1), b = Tensor.Zeros(1);
        var batch = new Batch(a, b);

        Assert.Equal([a, b], batch);
        var items = new List<object>();
        foreach (object o in (IEnumerable)batch)
        {
            items.Add(o);
        }

        Assert.Equal([a, b], items);
    }

    [Fact]
    public void ToString_NamesTheShapes_AsDocumented()
    {
        Assert.Equal("Batch([64, 3, 32, 32], [64])", new Batch(Tensor.Zeros(64, 3, 32, 32), Tensor.Zeros(64)).ToString());
    }

    [Fact]
    public void Clone_IsDeep()
    {
        var x = TestData.Sequence(2, 2);
        var batch = new Batch(x);

        var clone = batch.Clone();
        x[0, 0] = 99;

        Assert.NotSame(x, clone[0]);
        Assert.Equal(1f, clone[0][0, 0]);
        Assert.False(clone.IsPooled);
    }

    [Fact]
    public void Dispose_OfACallerOwnedBatch_LeavesItsTensorsUsable()
    {
        var x = TestData.Sequence(3);
        var batch = new Batch(x);

        batch.Dispose();
        batch.Dispose();

        Assert.False(batch.IsDisposed);
        Assert.Equal([1f, 2, 3], x.ToArray());
    }

    // ---- pooled batches ----------------------------------------------------------------------------

    [Fact]
    public void LoaderBatch_IsPooled_AndDisposeReleasesIt()
    {
        var batch = PooledBatch(out _);

        Assert.True(batch.IsPooled);
        Assert.False(batch.IsDisposed);
        batch.Dispose();
        Assert.True(batch.IsDisposed);
        Assert.Equal("Batch (disposed)", batch.ToString());
    }

    [Fact]
    public void DisposedBatch_TensorsThrowObjectDisposed_WithAHelpfulMessage()
    {
        var batch = PooledBatch(out _);
        var (x, y) = batch;
        batch.Dispose();

        var ex = Assert.Throws<ObjectDisposedException>(() => x.Values.ToArray());
        Assert.Contains("disposed", ex.Message);
        Assert.Contains("Clone()", ex.Message);
        Assert.Throws<ObjectDisposedException>(() => x.AsSpan().ToArray());
        Assert.Throws<ObjectDisposedException>(() => x.ToArray());
        Assert.Throws<ObjectDisposedException>(() => x[0, 0]);
        Assert.Throws<ObjectDisposedException>(() => x[0, 0] = 1);
        Assert.Throws<ObjectDisposedException>(() => x.Row(0));
        Assert.Throws<ObjectDisposedException>(() => x.Clone());
        Assert.Throws<ObjectDisposedException>(() => y.ToLabels());
        Assert.Throws<ObjectDisposedException>(() => x.ValueEquals(x));
        Assert.Throws<ObjectDisposedException>(() => batch.Clone());
        Assert.Contains("released", x.ToString());
        Assert.Equal([4, 3], x.Shape); // the shape stays readable
    }

    [Fact]
    public void DoubleDispose_IsSafe_AndDoesNotReturnBuffersTwice()
    {
        var loader = new DataLoader(TestData.Indexed(40, 3), batchSize: 4);
        var expected = Enumerable.Range(0, 10).Select(b => TestData.ExpectedFeatures(Enumerable.Range(b * 4, 4).ToArray(), 3)).ToList();

        var kept = new List<Batch>();
        int k = 0;
        foreach (var batch in loader)
        {
            batch.Dispose();
            batch.Dispose(); // a second return of the same buffer would hand it to two live batches
            kept.Add(batch);
            k++;
            if (k == 5)
            {
                break;
            }
        }

        // Two live batches must never share storage, which a buffer returned twice would cause.
        var live = loader.Take(6).ToList();
        for (int i = 0; i < live.Count; i++)
        {
            TestData.AssertValues(expected[i], live[i][0].Values);
        }
    }

    [Fact]
    public void CloneOfPooledBatch_SurvivesDispose()
    {
        var batch = PooledBatch(out _);
        var expected = batch[0].ToArray();

        var clone = batch.Clone();
        batch.Dispose();

        Assert.False(clone.IsPooled);
        TestData.AssertValues(expected, clone[0].Values);
        TestData.AssertValues(TestData.ExpectedFeatures([0, 1, 2, 3], 3), clone[0].Values);
    }

    [Fact]
    public void ReusedBuffer_NeverLeaksTheNextBatchIntoADisposedTensor()
    {
        var loader = new DataLoader(TestData.Indexed(12, 3), batchSize: 4);
        Tensor? old = null;
        foreach (var batch in loader)
        {
            if (old is not null)
            {
                Assert.Throws<ObjectDisposedException>(() => old.ToArray());
            }

            old = batch[0];
            batch.Dispose();
        }

        Assert.NotNull(old);
    }
}
