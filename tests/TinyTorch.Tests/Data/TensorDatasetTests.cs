using TinyTorch.Data;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Data;

public class TensorDatasetTests
{
    [Fact]
    public void Count_IsTheCommonSizeOfDimensionZero()
    {
        var data = new TensorDataset(Tensor.Zeros(7, 3), Tensor.Zeros(7), Tensor.Zeros(7, 2, 2));

        Assert.Equal(7, data.Count);
        Assert.Equal(3, data.Tensors.Count);
    }

    [Fact]
    public void Indexer_ReturnsOneRowPerTensor_AsNewTensors()
    {
        var features = TestData.Sequence(4, 2, 3);
        var labels = new Tensor([10, 11, 12, 13], 4);
        var data = new TensorDataset(features, labels);

        var sample = data[2];

        Assert.Equal(2, sample.Length);
        Assert.Equal([2, 3], sample[0].Shape);
        Assert.Equal([13f, 14, 15, 16, 17, 18], sample[0].ToArray());
        Assert.Equal(0, sample[1].Rank);
        Assert.Equal(12f, sample[1][Array.Empty<int>()]);

        sample[0][0, 0] = -1;
        Assert.Equal(13f, features[2, 0, 0]);
    }

    [Fact]
    public void Indexer_SupportsNegativeIndicesLikePython()
    {
        var data = TestData.Indexed(5, 2);

        for (int i = 1; i <= 5; i++)
        {
            Assert.True(data[-i][0].ValueEquals(data[5 - i][0]));
            Assert.Equal(5 - i, data[-i][1][Array.Empty<int>()]);
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(-6)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Indexer_OutsideMinusCountToCount_Throws_NamingIndexAndCount(int index)
    {
        var data = TestData.Indexed(5, 2);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => data[index]);
        Assert.Equal("index", ex.ParamName);
        Assert.Contains(index.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.Contains("5", ex.Message);
    }

    [Fact]
    public void Enumeration_YieldsEverySampleInOrder()
    {
        var data = TestData.Indexed(4, 3);

        Assert.Equal([0f, 1, 2, 3], data.Select(s => s[1][Array.Empty<int>()]));
    }

    [Fact]
    public void Constructor_NoTensors_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TensorDataset());

        Assert.Equal("tensors", ex.ParamName);
        Assert.Contains("at least one", ex.Message);
        Assert.Throws<ArgumentNullException>(() => new TensorDataset(null!));
    }

    [Fact]
    public void Constructor_DifferentSizesOnDimensionZero_ThrowsArgumentException_NamingBothSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TensorDataset(Tensor.Zeros(100, 3), Tensor.Zeros(99)));

        Assert.Equal("tensors", ex.ParamName);
        Assert.Contains("100", ex.Message);
        Assert.Contains("99", ex.Message);
    }

    [Fact]
    public void Constructor_ScalarTensor_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TensorDataset(Tensor.Zeros(3), Tensor.Scalar(1)));

        Assert.Equal("tensors", ex.ParamName);
        Assert.Contains("Tensor 1", ex.Message);
        Assert.Contains("scalar", ex.Message);
        Assert.Equal("tensors", Assert.Throws<ArgumentException>(() => new TensorDataset(Tensor.Scalar(1))).ParamName);
    }

    [Fact]
    public void Constructor_NullTensor_ThrowsArgumentException_NotNullReference()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TensorDataset(Tensor.Zeros(3), null!));

        Assert.Equal("tensors", ex.ParamName);
        Assert.Contains("Tensor 1", ex.Message);
    }

    [Fact]
    public void Constructor_CopiesTheArrayOfTensors()
    {
        var a = Tensor.Zeros(3);
        Tensor[] tensors = [a, Tensor.Zeros(3)];
        var data = new TensorDataset(tensors);

        tensors[0] = Tensor.Zeros(9);

        Assert.Equal(3, data.Count);
        Assert.Same(a, data.Tensors[0]);
    }

    [Fact]
    public void EmptyTensors_MakeAnEmptyDataset()
    {
        var data = new TensorDataset(Tensor.Zeros(0, 3), Tensor.Zeros(0));

        Assert.Empty(data);
        Assert.Throws<ArgumentOutOfRangeException>(() => data[0]);
    }

    // ---- IRowSource --------------------------------------------------------------------------------

    [Fact]
    public void RowSource_DescribesPositionsAndShapes()
    {
        IRowSource rows = new TensorDataset(Tensor.Zeros(4, 3, 2), Tensor.Zeros(4));

        Assert.True(rows.CanCopyRows);
        Assert.Equal(2, rows.Positions);
        Assert.Equal([3, 2], rows.SampleShape(0).ToArray());
        Assert.Empty(rows.SampleShape(1).ToArray());
    }

    [Fact]
    public void CopySample_WritesWhatTheIndexerReturns_ForEveryIndexAndPosition()
    {
        var data = TestData.Indexed(6, 2, 2);

        for (int i = -6; i < 6; i++)
        {
            for (int p = 0; p < 2; p++)
            {
                var destination = new float[p == 0 ? 4 : 1];
                data.CopySample(i, p, destination);
                TestData.AssertValues(data[i][p].Values, destination);
                // With a sample's generator (the interface's default form): the same, nothing to draw.
                var withRandom = new float[destination.Length];
                ((IRowSource)data).CopySample(i, p, withRandom, new SampleRandom(1, 0, i));
                TestData.AssertValues(destination, withRandom);
            }
        }
    }

    [Fact]
    public void CopySample_BadPosition_ThrowsArgumentOutOfRange_NamingThePosition()
    {
        var data = TestData.Indexed(3, 2);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => data.CopySample(0, 2, new float[2]));
        Assert.Equal("position", ex.ParamName);
        Assert.Contains("2", ex.Message);
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => data.SampleShape(-1).ToArray()).ParamName);
    }

    [Fact]
    public void CopySample_BadIndex_ThrowsArgumentOutOfRange_NamingIndexAndCount()
    {
        var data = TestData.Indexed(3, 2);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => data.CopySample(3, 0, new float[2]));
        Assert.Contains("3", ex.Message);
        Assert.Contains("Count 3", ex.Message);
    }
}
