using System.Reflection;

namespace TinyTorch.Tests;

/// <summary>
/// The inventory of the public (and protected) surface that this project tests, type by type. When a
/// member is added to or removed from the library, this test fails until the inventory, and the tests
/// of that member in the subject's test file, are updated: "every public member gets a test".
/// </summary>
public class PublicApiTests
{
    private static readonly Dictionary<string, string[]> Tested = new()
    {
        ["TinyTorch.SampleRandom"] = [".ctor", "Fork", "Next", "NextDouble"],
        ["TinyTorch.Tensor"] = [".ctor", "AsSpan", "Clone", "CopyRowTo", "FromLabels", "Item", "Length", "MaxExactLabel", "Rank", "Row", "RowLength", "Scalar", "Shape", "Size", "Stack", "ToArray", "ToLabels", "ToString", "ValueEquals", "Values", "Zeros"],
        ["TinyTorch.Data.Batch"] = [".ctor", "Clone", "Count", "Deconstruct", "Dispose", "GetEnumerator", "IsDisposed", "IsPooled", "Item", "SampleCount", "ToString"],
        ["TinyTorch.Data.Collate"] = ["Stack"],
        ["TinyTorch.Data.DataLoader"] = [".ctor", "BatchSize", "Count", "Dataset", "DropLast", "Epoch", "GetEnumerator", "GetState", "LoadState", "NumWorkers", "PrefetchFactor", "Seed", "Shuffle"],
        ["TinyTorch.Data.DataLoaderState"] = [".ctor", "<Clone>$", // the compiler's copy method of a record, for `with`
            "BatchSize", "DatasetCount", "Deconstruct", "DropLast", "Epoch", "Equals", "GetHashCode", "NextBatch", "NumReplicas", "Rank", "SamplesPerEpoch", "Seed", "ShuffleSeed", "ToString"],
        ["TinyTorch.Data.Dataset`1"] = [".ctor", "Count", "GetEnumerator", "Item", "NormalizeIndex", "Read"],
        ["TinyTorch.Data.IRowSource"] = ["CanCopyRows", "CopySample", "Positions", "SampleShape"],
        ["TinyTorch.Data.Prefetcher`1"] = [".ctor", "Capacity", "GetEnumerator"],
        ["TinyTorch.Data.SampleLoadException"] = [".ctor", "BatchIndex", "SampleIndex"],
        ["TinyTorch.Data.TensorDataset"] = [".ctor", "CanCopyRows", "CopySample", "Count", "Item", "Positions", "SampleShape", "Tensors"],
        ["TinyTorch.Data.Sampling.BatchSampler"] = [".ctor", "Batches", "BatchSize", "Count", "DropLast", "Sampler"],
        ["TinyTorch.Data.Sampling.DistributedSampler"] = [".ctor", "Count", "DatasetCount", "DropLast", "EpochIndices", "NumReplicas", "Rank", "Seed", "Shuffle"],
        ["TinyTorch.Data.Sampling.RandomSampler"] = [".ctor", "Count", "EpochIndices", "Seed"],
        ["TinyTorch.Data.Sampling.Sampler"] = [".ctor", "Count", "EpochIndices", "EpochSeed", "FisherYates"],
        ["TinyTorch.Data.Sampling.SequentialSampler"] = [".ctor", "Count", "EpochIndices"],
        ["TinyTorch.Data.Cifar.CifarFileDataset"] = [".ctor", "CanCopyRows", "CopySample", "Count", "Dispose", "Item", "Path", "Positions", "RecordsRead", "SampleShape"],
        ["TinyTorch.Data.Cifar.CifarFormat"] = ["Channels", "ClassCount", "ClassNames", "Height", "ImageBytes", "ImageShape", "RecordBytes", "Width"],
        ["TinyTorch.Data.Cifar.SyntheticCifar"] = ["Write"],
        ["TinyTorch.Transforms.Compose"] = [".ctor", "Apply", "CanFuse", "OutputShape", "Transforms"],
        ["TinyTorch.Transforms.ISpanTransform"] = ["Apply", "OutputShape"],
        ["TinyTorch.Transforms.ITransform"] = ["Apply"],
        ["TinyTorch.Transforms.Normalize"] = [".ctor", "Apply", "Mean", "OutputShape", "Std"],
        ["TinyTorch.Transforms.RandomCrop"] = [".ctor", "Apply", "Height", "OutputShape", "Padding", "Width"],
        ["TinyTorch.Transforms.RandomHorizontalFlip"] = [".ctor", "Apply", "OutputShape", "P"],
        ["TinyTorch.Transforms.TransformedDataset"] = [".ctor", "CanCopyRows", "CopySample", "Count", "Inner", "Item", "Position", "Positions", "Read", "SampleShape", "Transform"],
    };

    private static bool Visible(MethodBase? m) => m is not null && (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly);

    private static SortedSet<string> Surface(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var member in type.GetMembers(all))
        {
            bool visible = member switch
            {
                ConstructorInfo c => Visible(c),
                MethodInfo m => Visible(m) && !m.IsSpecialName,
                PropertyInfo p => Visible(p.GetMethod) || Visible(p.SetMethod),
                FieldInfo f => f.IsPublic || f.IsFamily,
                EventInfo e => Visible(e.AddMethod),
                _ => false,
            };
            if (visible)
            {
                names.Add(member.Name);
            }
        }

        return names;
    }

    [Fact]
    public void EveryPublicType_IsInTheInventory()
    {
        var types = typeof(Tensor).Assembly.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal);

        Assert.Equal(Tested.Keys.Order(StringComparer.Ordinal), types);
    }

    [Fact]
    public void EveryPublicMember_IsInTheInventory()
    {
        foreach (var type in typeof(Tensor).Assembly.GetExportedTypes())
        {
            Assert.True(Tested.TryGetValue(type.FullName!, out var expected), $"{type.FullName} is not in the inventory.");
            Assert.Equal(expected.Order(StringComparer.Ordinal), Surface(type));
        }
    }
}
