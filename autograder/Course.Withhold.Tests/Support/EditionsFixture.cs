using System.Reflection;

namespace Course.Withhold.Tests.Support;

/// <summary>The editions and the originals, each in its own load context with the same student code compiled against it.</summary>
public sealed class EditionsFixture : IDisposable
{
    /// <summary>What a student's notebook might do with the library: the contract a solution builds on.</summary>
    internal const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using TinyTorch;
        using TinyTorch.Data;
        using TinyTorch.Data.Cifar;
        using TinyTorch.Data.Sampling;
        using TinyTorch.Transforms;

        public sealed class Squares : Dataset<Tensor[]>
        {
            public override int Count => 3;
            public override Tensor[] this[int index] => [Tensor.Scalar(NormalizeIndex(index) * NormalizeIndex(index)), Tensor.Scalar(index)];
        }

        public sealed class AddOne : ITransform
        {
            public Tensor Apply(Tensor input)
            {
                var x = input.Clone();
                var values = x.AsSpan();
                for (int i = 0; i < values.Length; i++) values[i] += 1;
                return x;
            }
        }

        public sealed class StudentSampler : Sampler
        {
            public override int Count => 0;
            public override int[] EpochIndices(int epoch) => [];
        }

        public static class Probes
        {
            public static string Tensors()
            {
                var t = Tensor.Zeros(2, 3);
                t[1, 2] = 5f;
                t[-1, 0] = 2f;
                var clone = t.Clone();
                clone[0, 0] = 9f;
                return $"{string.Join(",", t.Shape)}|{t.Row(1)}|{t[0, 0]}|{clone[0, 0]}|{t.RowLength}|{string.Join(",", Tensor.FromLabels([1, 2]).ToLabels())}";
            }

            public static string UserDataset() => string.Join(",", new Squares().Select(s => s[0].Values[0]));

            public static string Transformed()
            {
                var d = new TransformedDataset(new Squares(), new AddOne());
                return string.Join(",", Enumerable.Range(0, d.Count).Select(i => d[i][0].Values[0])) + "|" + d.CanCopyRows;
            }

            public static string Batches()
            {
                var batch = new Batch(Tensor.Zeros(2, 3), Tensor.FromLabels([4, 5]));
                var (x, y) = batch;
                return $"{batch}|{batch.SampleCount}|{batch.IsPooled}|{string.Join(",", y.ToLabels())}|{batch.Clone().Count}|{x.Rank}";
            }

            public static string Normalised() => new Normalize([1f], [2f]).Apply(new Tensor([3f, 5f, 7f, 9f], 1, 2, 2)).ToString();

            public static string Synthetic(string path) =>
                new System.IO.FileInfo(SyntheticCifar.Write(path, 5, seed: 1)).Length + "|" + CifarFormat.ClassNames[3];

            public static string Failure() => new SampleLoadException(7, 1, new InvalidOperationException("bad")).Message;

            public static Tensor Stack() => Tensor.Stack([Tensor.Scalar(1f), Tensor.Scalar(2f)]);

            public static object SubclassOfWithheld() => new StudentSampler();
        }
        """;

    private readonly Lazy<(EditionLoadContext Context, Assembly Student)> _edition = new(() => Load(Editions.Folder));
    private readonly Lazy<(EditionLoadContext Context, Assembly Student)> _original = new(() => Load(Editions.Originals));

    /// <summary>The editions' context.</summary>
    internal EditionLoadContext Edition => _edition.Value.Context;

    /// <summary>The originals' context.</summary>
    internal EditionLoadContext Original => _original.Value.Context;

    /// <summary>The student code's <c>Probes</c> class, compiled against the editions or the originals.</summary>
    internal Type Probes(bool edition) => (edition ? _edition : _original).Value.Student.GetType("Probes")!;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_edition.IsValueCreated)
        {
            _edition.Value.Context.Unload();
        }

        if (_original.IsValueCreated)
        {
            _original.Value.Context.Unload();
        }
    }

    private static (EditionLoadContext, Assembly) Load(string folder)
    {
        var context = new EditionLoadContext(folder);
        return (context, StudentCode.Compile(context, Source));
    }
}
