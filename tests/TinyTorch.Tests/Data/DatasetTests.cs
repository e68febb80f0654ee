using System.Collections;
using TinyTorch.Data;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Data;

public class DatasetTests
{
    /// <summary>Sample i is i squared; counts reads and exposes the protected NormalizeIndex.</summary>
    private sealed class Squares(int count) : Dataset<int>
    {
        public int Reads { get; private set; }

        public override int Count => count;

        public override int this[int index]
        {
            get
            {
                int i = NormalizeIndex(index);
                Reads++;
                return i * i;
            }
        }

        public int Normalize(int index) => NormalizeIndex(index);
    }

    [Fact]
    public void Dataset_IsAbstract_AndCannotBeInstantiated()
    {
        var type = typeof(Dataset<Tensor[]>);

        Assert.True(type.IsAbstract);
        Assert.True(type.GetProperty(nameof(Dataset<int>.Count))!.GetMethod!.IsAbstract);
        Assert.True(type.GetProperty("Item")!.GetMethod!.IsAbstract);
        Assert.DoesNotContain(type.GetConstructors(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance), c => true);
        var ex = Assert.ThrowsAny<MemberAccessException>(() => Activator.CreateInstance(type, nonPublic: true));
        Assert.Contains("abstract", ex.Message);
    }

    [Fact]
    public void Dataset_IsAReadOnlyList_OfItsSamples()
    {
        IReadOnlyList<int> list = new Squares(4);

        Assert.Equal(4, list.Count);
        Assert.Equal(9, list[3]);
    }

    [Fact]
    public void Enumeration_VisitsEveryIndexInOrder()
    {
        Assert.Equal([0, 1, 4, 9, 16], new Squares(5));
        Assert.Empty(new Squares(0));
    }

    [Fact]
    public void Enumeration_IsLazy_ReadingEachSampleOnlyWhenReached()
    {
        var data = new Squares(1000);

        using var e = data.GetEnumerator();
        Assert.Equal(0, data.Reads);
        Assert.True(e.MoveNext());
        Assert.True(e.MoveNext());
        Assert.True(e.MoveNext());

        Assert.Equal(4, e.Current);
        Assert.Equal(3, data.Reads);
    }

    [Fact]
    public void NonGenericEnumeration_YieldsTheSameSamples()
    {
        var items = new List<object>();
        foreach (object o in (IEnumerable)new Squares(3))
        {
            items.Add(o);
        }

        Assert.Equal([0, 1, 4], items.Cast<int>());
    }

    [Fact]
    public void NormalizeIndex_MapsNegativeIndicesFromTheEnd()
    {
        var data = new Squares(5);

        Assert.Equal(0, data.Normalize(0));
        Assert.Equal(4, data.Normalize(4));
        Assert.Equal(4, data.Normalize(-1));
        Assert.Equal(0, data.Normalize(-5));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-6)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void NormalizeIndex_OutOfRange_ThrowsArgumentOutOfRange_NamingIndexAndCount(int index)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Squares(5).Normalize(index));

        Assert.Equal("index", ex.ParamName);
        Assert.Equal(index, ex.ActualValue);
        Assert.Contains(index.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.Contains("Count 5", ex.Message);
    }

    [Fact]
    public void NormalizeIndex_OnEmptyDataset_SaysItIsEmpty()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Squares(0).Normalize(0));

        Assert.Contains("empty", ex.Message);
        Assert.Contains("Count 0", ex.Message);
    }

    [Fact]
    public void CustomTensorDataset_CountsReads()
    {
        var data = new CountingDataset(10, features: 2);

        var sample = data[-1];

        Assert.Equal(1, data.Reads);
        Assert.Equal([TestData.Feature(9, 0), TestData.Feature(9, 1)], sample[0].ToArray());
        Assert.Equal(9f, sample[1][Array.Empty<int>()]);
    }

    [Fact]
    public void Read_ByDefault_IsTheIndexer_WhateverTheGenerator()
    {
        var data = new Squares(5);

        Assert.Equal(9, data.Read(3, new SampleRandom(1, 2, 3)));
        Assert.Equal(16, data.Read(-1, new SampleRandom(4, 5, 6)));
        Assert.Equal(2, data.Reads);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Read(5, default));
    }
}
