using TinyTorch.Data;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Data;

public class CollateTests
{
    [Fact]
    public void Stack_StacksEachPositionIntoOneContiguousTensor()
    {
        var data = TestData.Indexed(5, 2, 3);
        int[] indices = [4, 0, 2];

        using var batch = Collate.Stack(indices.Select(i => data[i]).ToList());

        Assert.Equal(2, batch.Count);
        Assert.Equal(3, batch.SampleCount);
        Assert.False(batch.IsPooled);
        Assert.Equal([3, 2, 3], batch[0].Shape);
        Assert.Equal([3], batch[1].Shape);
        TestData.AssertValues(TestData.ExpectedFeatures(indices, 6), batch[0].Values);
        Assert.Equal([4f, 0, 2], batch[1].ToArray());
    }

    [Fact]
    public void Stack_Copies_SoTheBatchIsIndependentOfTheSamples()
    {
        var sample = new[] { TestData.Sequence(2) };

        using var batch = Collate.Stack([sample]);
        sample[0][0] = 100;

        Assert.Equal(1f, batch[0][0, 0]);
    }

    [Fact]
    public void Stack_NoSamples_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => Collate.Stack([]));

        Assert.Equal("samples", ex.ParamName);
        Assert.Contains("empty", ex.Message);
        Assert.Throws<ArgumentNullException>(() => Collate.Stack(null!));
    }

    [Fact]
    public void Stack_SampleWithNoTensors_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => Collate.Stack([[]]));

        Assert.Equal("samples", ex.ParamName);
        Assert.Contains("no tensors", ex.Message);
    }

    [Fact]
    public void Stack_DifferentTensorCounts_ThrowsArgumentException_NamingTheSample()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Collate.Stack([[Tensor.Zeros(2), Tensor.Scalar(0)], [Tensor.Zeros(2)]]));

        Assert.Equal("samples", ex.ParamName);
        Assert.Contains("Sample 1", ex.Message);
        Assert.Contains("1 tensors", ex.Message);
        Assert.Contains("2", ex.Message);
    }

    [Fact]
    public void Stack_DifferentShapes_ThrowsArgumentException_NamingSamplePositionAndShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Collate.Stack([[Tensor.Zeros(2), Tensor.Scalar(0)], [Tensor.Zeros(2), Tensor.Scalar(1)], [Tensor.Zeros(2), Tensor.Zeros(1)]]));

        Assert.Equal("samples", ex.ParamName);
        Assert.Contains("Sample 2", ex.Message);
        Assert.Contains("position 1", ex.Message);
        Assert.Contains("[1]", ex.Message);
        Assert.Contains("[]", ex.Message);
    }

    [Fact]
    public void Stack_NullSampleOrTensor_ThrowsArgumentException_NotNullReference()
    {
        Assert.Contains("Sample 1", Assert.Throws<ArgumentException>(() => Collate.Stack([[Tensor.Zeros(1)], null!])).Message);
        Assert.Contains("position 0", Assert.Throws<ArgumentException>(() => Collate.Stack([[null!]])).Message);
        Assert.Contains("position 1", Assert.Throws<ArgumentException>(() => Collate.Stack([[Tensor.Zeros(1), Tensor.Zeros(1)], [Tensor.Zeros(1), null!]])).Message);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => Collate.Stack([null!])).ParamName);
    }
}
