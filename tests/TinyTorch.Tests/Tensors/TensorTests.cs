using CsCheck;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Tensors;

public class TensorTests
{
    // ---- construction, shape, storage -------------------------------------------------------------

    [Fact]
    public void Constructor_WrapsDataInRowMajorOrder_WithTheGivenShape()
    {
        var t = new Tensor([1, 2, 3, 4, 5, 6], 2, 3);

        Assert.Equal([2, 3], t.Shape);
        Assert.Equal(2, t.Rank);
        Assert.Equal(6, t.Length);
        Assert.Equal(3, t.RowLength);
        Assert.Equal(1f, t[0, 0]);
        Assert.Equal(3f, t[0, 2]);
        Assert.Equal(4f, t[1, 0]);
        Assert.Equal(6f, t[1, 2]);
    }

    [Fact]
    public void Constructor_TakesOwnershipWithoutCopying_AsDocumented()
    {
        var data = new float[] { 1, 2, 3 };
        var t = new Tensor(data, 3);

        data[1] = 42;

        Assert.Equal(42f, t[1]);
    }

    [Fact]
    public void Storage_IsFloat32_ValuesAreRoundedToSinglePrecision()
    {
        var t = new Tensor([0.1f], 1);

        Assert.Equal(0.1f, t[0]);
        Assert.NotEqual(0.1, (double)t[0]); // float32, not float64
        Assert.IsType<float[]>(t.ToArray());
    }

    [Fact]
    public void Constructor_CopiesTheShapeArray()
    {
        int[] shape = [2, 2];
        var t = new Tensor([1, 2, 3, 4], shape);

        shape[0] = 4;
        shape[1] = 1;

        Assert.Equal([2, 2], t.Shape);
    }

    [Fact]
    public void Shape_IsReadOnly()
    {
        var t = Tensor.Zeros(2, 3);

        var list = Assert.IsAssignableFrom<IList<int>>(t.Shape);
        Assert.Throws<NotSupportedException>(() => list[0] = 5);
        Assert.Equal([2, 3], t.Shape);
    }

    [Fact]
    public void Constructor_LengthMismatch_ThrowsArgumentException_NamingBothCounts()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor([1, 2, 3, 4, 5], 2, 3));

        Assert.Equal("shape", ex.ParamName);
        Assert.Contains("6", ex.Message);
        Assert.Contains("5", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
    }

    [Fact]
    public void Constructor_NegativeDimension_ThrowsArgumentOutOfRange_NamingTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Tensor([], 2, -3));

        Assert.Equal("shape", ex.ParamName);
        Assert.Equal(-3, ex.ActualValue);
        Assert.Contains("-3", ex.Message);
    }

    [Fact]
    public void Constructor_Nulls_ThrowArgumentNullException()
    {
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => new Tensor(null!, 1)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentNullException>(() => new Tensor([1], null!)).ParamName);
    }

    [Fact]
    public void Constructor_ShapeTooLargeForOneArray_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor([], 1 << 16, 1 << 16));

        Assert.Equal("shape", ex.ParamName);
        Assert.Contains("[65536, 65536]", ex.Message);
    }

    [Fact]
    public void EmptyDimension_MakesAnEmptyTensor_WithRows()
    {
        var t = Tensor.Zeros(0, 4);

        Assert.Equal(0, t.Length);
        Assert.Equal(4, t.RowLength);
        Assert.Equal(0, t.Size(0));
        Assert.Empty(t.ToArray());
    }

    // ---- scalar and zeros -------------------------------------------------------------------------

    [Fact]
    public void Scalar_HasRankZero_OneValue_AndNoRows()
    {
        var s = Tensor.Scalar(2.5f);

        Assert.Equal(0, s.Rank);
        Assert.Empty(s.Shape);
        Assert.Equal(1, s.Length);
        Assert.Equal(2.5f, s[Array.Empty<int>()]);
        Assert.Equal([2.5f], s.ToArray());
        var ex = Assert.Throws<InvalidOperationException>(() => s.RowLength);
        Assert.Contains("scalar", ex.Message);
        Assert.Throws<InvalidOperationException>(() => s.Row(0));
        Assert.Throws<InvalidOperationException>(() => s.CopyRowTo(0, new float[1]));
    }

    [Fact]
    public void Zeros_IsAllZeros_OfTheGivenShape()
    {
        var z = Tensor.Zeros(2, 3, 4);

        Assert.Equal([2, 3, 4], z.Shape);
        Assert.Equal(24, z.Length);
        Assert.All(z.ToArray(), v => Assert.Equal(0f, v));
        Assert.Equal(1, Tensor.Zeros().Length);
    }

    [Fact]
    public void Zeros_NegativeDimension_ThrowsArgumentOutOfRange_NamingTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(4, -3));

        Assert.Equal("shape", ex.ParamName);
        Assert.Contains("-3", ex.Message);
        Assert.Throws<ArgumentNullException>(() => Tensor.Zeros(null!));
    }

    // ---- indexer, spans, size -----------------------------------------------------------------------

    [Fact]
    public void Indexer_GetAndSet_SupportNegativeCoordinates()
    {
        var t = TestData.Sequence(2, 3, 4);

        Assert.Equal(24f, t[-1, -1, -1]);
        Assert.Equal(t[1, 2, 3], t[-1, -1, -1]);
        Assert.Equal(t[0, 1, 2], t[-2, -2, -2]);

        t[-1, 0, -4] = 100;

        Assert.Equal(100f, t[1, 0, 0]);
        Assert.Equal(100f, t.Values[12]);
    }

    [Fact]
    public void Indexer_MatchesRowMajorLayout()
    {
        var t = TestData.Sequence(3, 4, 5);
        for (int a = 0; a < 3; a++)
        {
            for (int b = 0; b < 4; b++)
            {
                for (int c = 0; c < 5; c++)
                {
                    Assert.Equal((a * 4 + b) * 5 + c + 1, t[a, b, c]);
                }
            }
        }
    }

    [Fact]
    public void Indexer_WrongNumberOfCoordinates_ThrowsArgumentException()
    {
        var t = Tensor.Zeros(2, 3);

        var ex = Assert.Throws<ArgumentException>(() => t[1]);
        Assert.Equal("index", ex.ParamName);
        Assert.Contains("1 coordinates", ex.Message);
        Assert.Throws<ArgumentException>(() => t[0, 0, 0] = 1);
        Assert.Throws<ArgumentNullException>(() => t[null!]);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(-3, 0)]
    [InlineData(0, 3)]
    [InlineData(0, -4)]
    public void Indexer_CoordinateOutOfRange_ThrowsArgumentOutOfRange_NamingTheCoordinate(int row, int col)
    {
        var t = Tensor.Zeros(2, 3);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => t[row, col]);
        Assert.Equal("index", ex.ParamName);
        int bad = row is >= 2 or < -2 ? row : col;
        Assert.Contains(bad.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => t[row, col] = 1);
    }

    [Fact]
    public void AsSpan_IsWritableView_ValuesIsReadOnlyView()
    {
        var t = Tensor.Zeros(2, 2);

        t.AsSpan()[3] = 7;

        Assert.Equal(7f, t[1, 1]);
        Assert.Equal(7f, t.Values[3]);
        Assert.Equal(4, t.AsSpan().Length);
        Assert.Equal(4, t.Values.Length);
    }

    [Fact]
    public void Size_SupportsNegativeDimensions_AndRejectsMissingOnes()
    {
        var t = Tensor.Zeros(2, 3, 5);

        Assert.Equal(2, t.Size(0));
        Assert.Equal(5, t.Size(2));
        Assert.Equal(5, t.Size(-1));
        Assert.Equal(2, t.Size(-3));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => t.Size(3));
        Assert.Equal("dimension", ex.ParamName);
        Assert.Contains("3", ex.Message);
        Assert.Contains("-4", Assert.Throws<ArgumentOutOfRangeException>(() => t.Size(-4)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Scalar(1).Size(0));
    }

    // ---- copies -------------------------------------------------------------------------------------

    [Fact]
    public void ToArray_ReturnsACopy()
    {
        var t = TestData.Sequence(4);
        var a = t.ToArray();

        a[0] = 99;

        Assert.Equal(1f, t[0]);
        Assert.Equal([99f, 2, 3, 4], a);
    }

    [Fact]
    public void Clone_IsDeepAndIndependent()
    {
        var t = TestData.Sequence(2, 3);
        var c = t.Clone();

        Assert.True(c.ValueEquals(t));
        c[0, 0] = -1;
        t[1, 1] = -2;

        Assert.Equal(1f, t[0, 0]);
        Assert.Equal(5f, c[1, 1]);
        Assert.Equal(t.Shape, c.Shape);
    }

    [Fact]
    public void Row_ReturnsRowOfDimensionZero_AsANewTensor()
    {
        var t = TestData.Sequence(3, 2, 2);

        var row = t.Row(1);

        Assert.Equal([2, 2], row.Shape);
        Assert.Equal([5f, 6, 7, 8], row.ToArray());
        row[0, 0] = -1;
        Assert.Equal(5f, t[1, 0, 0]);
    }

    [Fact]
    public void Row_NegativeIndex_CountsFromTheEnd()
    {
        var t = TestData.Sequence(3, 2);

        Assert.True(t.Row(-1).ValueEquals(t.Row(2)));
        Assert.True(t.Row(-3).ValueEquals(t.Row(0)));
    }

    [Fact]
    public void Row_OfRankOneTensor_IsAScalar()
    {
        var t = new Tensor([4, 5, 6], 3);

        var r = t.Row(2);

        Assert.Equal(0, r.Rank);
        Assert.Equal(6f, r[Array.Empty<int>()]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-4)]
    [InlineData(int.MinValue)]
    public void Row_OutOfRange_ThrowsArgumentOutOfRange_NamingIndexAndSize(int index)
    {
        var t = Tensor.Zeros(3, 2);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => t.Row(index));
        Assert.Equal("index", ex.ParamName);
        Assert.Contains(index.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.Contains("size 3", ex.Message);
    }

    [Fact]
    public void CopyRowTo_CopiesTheRow_SupportsNegativeIndex()
    {
        var t = TestData.Sequence(3, 2);
        var destination = new float[4];

        t.CopyRowTo(-1, destination);

        Assert.Equal([5f, 6, 0, 0], destination);
    }

    [Fact]
    public void CopyRowTo_ShortDestination_ThrowsArgumentException()
    {
        var t = TestData.Sequence(3, 5);

        var ex = Assert.Throws<ArgumentException>(() => t.CopyRowTo(0, new float[4]));
        Assert.Equal("destination", ex.ParamName);
        Assert.Contains("4", ex.Message);
        Assert.Contains("5", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => t.CopyRowTo(3, new float[5]));
    }

    [Fact]
    public void ValueEquals_ComparesShapeAndValues()
    {
        var a = TestData.Sequence(2, 3);

        Assert.True(a.ValueEquals(TestData.Sequence(2, 3)));
        Assert.True(a.ValueEquals(a));
        Assert.False(a.ValueEquals(TestData.Sequence(3, 2)));
        Assert.False(a.ValueEquals(TestData.Sequence(6)));
        Assert.False(a.ValueEquals(null));
        var b = TestData.Sequence(2, 3);
        b[1, 2] = 0;
        Assert.False(a.ValueEquals(b));
    }

    // ---- labels ------------------------------------------------------------------------------------

    [Fact]
    public void Labels_RoundTripExactly_UpToTwoToThe24()
    {
        int[] labels = [0, 1, 9, -1, 12345, Tensor.MaxExactLabel, -Tensor.MaxExactLabel, Tensor.MaxExactLabel - 1];

        var t = Tensor.FromLabels(labels);

        Assert.Equal([labels.Length], t.Shape);
        Assert.Equal(labels, t.ToLabels());
        Assert.Equal(1 << 24, Tensor.MaxExactLabel);
    }

    [Fact]
    public void Labels_RoundTrip_Property()
    {
        Gen.Int[-Tensor.MaxExactLabel, Tensor.MaxExactLabel].Array[0, 50]
            .Sample(labels => Assert.Equal(labels, Tensor.FromLabels(labels).ToLabels()));
    }

    [Theory]
    [InlineData(Tensor.MaxExactLabel + 1)]
    [InlineData(-Tensor.MaxExactLabel - 1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void FromLabels_BeyondTwoToThe24_ThrowsArgumentOutOfRange_NamingTheLabel(int label)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.FromLabels([0, label]));

        Assert.Equal("labels", ex.ParamName);
        Assert.Equal(label, ex.ActualValue);
        Assert.Contains(label.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.Contains("position 1", ex.Message);
    }

    [Fact]
    public void FromLabels_Empty_IsAnEmptyRankOneTensor()
    {
        var t = Tensor.FromLabels([]);

        Assert.Equal([0], t.Shape);
        Assert.Empty(t.ToLabels());
    }

    [Theory]
    [InlineData(0.5f)]
    [InlineData(-2.25f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(33554432f)] // 2^25: a whole number, but beyond the exact range
    public void ToLabels_NonLabelValue_ThrowsInvalidOperation_NamingThePosition(float value)
    {
        var t = new Tensor([1, value], 2);

        var ex = Assert.Throws<InvalidOperationException>(() => t.ToLabels());
        Assert.Contains("position 1", ex.Message);
    }

    [Fact]
    public void ToLabels_OfAScalar_IsOneLabel_AndOfAMatrix_Throws()
    {
        Assert.Equal([7], Tensor.Scalar(7).ToLabels());
        var ex = Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2, 2).ToLabels());
        Assert.Contains("[2, 2]", ex.Message);
    }

    // ---- stack ---------------------------------------------------------------------------------------

    [Fact]
    public void Stack_AddsANewLeadingAxis_AndCopiesEachTensorIntoItsSlot()
    {
        var a = TestData.Sequence(2, 3);
        var b = new Tensor([10, 20, 30, 40, 50, 60], 2, 3);
        var c = Tensor.Zeros(2, 3);

        var s = Tensor.Stack([a, b, c]);

        Assert.Equal([3, 2, 3], s.Shape);
        Tensor[] inputs = [a, b, c];
        for (int i = 0; i < 3; i++)
        {
            for (int y = 0; y < 2; y++)
            {
                for (int x = 0; x < 3; x++)
                {
                    Assert.Equal(inputs[i][y, x], s[i, y, x]);
                }
            }
        }
    }

    [Fact]
    public void Stack_Copies_SoLaterChangesToInputsDoNotShow()
    {
        var a = TestData.Sequence(2);
        var s = Tensor.Stack([a]);

        a[0] = 100;

        Assert.Equal([1, 2], s.Shape);
        Assert.Equal(1f, s[0, 0]);
    }

    [Fact]
    public void Stack_OfScalars_IsRankOne()
    {
        var s = Tensor.Stack([Tensor.Scalar(1), Tensor.Scalar(2), Tensor.Scalar(3)]);

        Assert.Equal([3], s.Shape);
        Assert.Equal([1f, 2, 3], s.ToArray());
    }

    [Fact]
    public void Stack_OfRows_RebuildsTheTensor_Property()
    {
        Gen.Select(Gen.Int[1, 6], Gen.Int[0, 5], Gen.Int[1, 4], Gen.Int)
            .Sample((rows, cols, depth, seed) =>
            {
                var t = TestData.Random(new Random(seed), rows, cols, depth);
                var rebuilt = Tensor.Stack(Enumerable.Range(0, rows).Select(t.Row).ToList());
                Assert.True(rebuilt.ValueEquals(t));
            });
    }

    [Fact]
    public void Stack_EmptyList_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Stack([]));

        Assert.Equal("tensors", ex.ParamName);
        Assert.Contains("empty", ex.Message);
        Assert.Throws<ArgumentNullException>(() => Tensor.Stack(null!));
    }

    [Fact]
    public void Stack_RankMismatch_ThrowsArgumentException_NamingTheTensorAndRanks()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Stack([Tensor.Zeros(2, 3), Tensor.Zeros(2, 3), Tensor.Zeros(6)]));

        Assert.Equal("tensors", ex.ParamName);
        Assert.Contains("Tensor 2", ex.Message);
        Assert.Contains("rank 1", ex.Message);
        Assert.Contains("rank 2", ex.Message);
    }

    [Fact]
    public void Stack_ShapeMismatch_ThrowsArgumentException_NamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Stack([Tensor.Zeros(2, 3), Tensor.Zeros(3, 2)]));

        Assert.Equal("tensors", ex.ParamName);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[3, 2]", ex.Message);
    }

    [Fact]
    public void Stack_NullElement_ThrowsArgumentException_NotNullReference()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Stack([Tensor.Zeros(1), null!]));

        Assert.Equal("tensors", ex.ParamName);
        Assert.Contains("Tensor 1", ex.Message);
        Assert.Equal("tensors", Assert.Throws<ArgumentException>(() => Tensor.Stack([null!])).ParamName);
    }

    // ---- ToString -----------------------------------------------------------------------------------

    [Fact]
    public void ToString_ShowsShapeAndValues_AsDocumented()
    {
        // The example from the XML documentation of ToString.
        Assert.Equal("Tensor[2, 3] (0, 1, 2, 3, 4, 5)", new Tensor([0, 1, 2, 3, 4, 5], 2, 3).ToString());
        Assert.Equal("Tensor[] (1.5)", Tensor.Scalar(1.5f).ToString());
    }

    [Fact]
    public void ToString_ShowsAtMostEightValues()
    {
        var text = TestData.Sequence(10).ToString();

        Assert.StartsWith("Tensor[10] (1, 2, 3, 4, 5, 6, 7, 8", text);
        Assert.DoesNotContain("9", text);
        Assert.EndsWith("…)", text);
    }
}
