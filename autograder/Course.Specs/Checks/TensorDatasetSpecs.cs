using Course.Specs.Core;
using Course.Specs.Doubles;
using TinyTorch;

namespace Course.Specs.Checks;

/// <summary>The graded properties of the TensorDataset exercise (notebook 02, grade_id <c>tensordataset</c>).</summary>
public static class TensorDatasetSpecs
{
    /// <summary>The grade_id of the check cell.</summary>
    public const string GradeId = GradeIds.TensorDataset;

    /// <summary>The checks.</summary>
    public static IReadOnlyList<Spec> All { get; } =
    [
        new("tensordataset-count", GradeId, 2, "Count is the size of dimension 0",
            "Count should return the first tensor's size on dimension 0 (Size(0)).", impl =>
            {
                var create = Make(impl);
                foreach (int n in new[] { 0, 1, 7, 100 })
                {
                    Expect.Equal(n, create([Tensor.Zeros(n, 3), Tensor.Zeros(n)]).Count, $"Count of a TensorDataset over tensors of {n} rows");
                }
            }),
        new("tensordataset-rows", GradeId, 4, "Sample i is row i of every tensor",
            "Return one tensor per stored tensor, each made with Row(index), in the order the tensors were given.", impl =>
            {
                var create = Make(impl);
                var random = new Random(5);
                foreach (var shape in new[] { new[] { 6, 4 }, [5, 2, 3], [4] })
                {
                    var features = Data.RandomTensor(random, shape);
                    var labels = Data.RandomTensor(random, shape[0], 2);
                    var dataset = create([features, labels]);
                    for (int i = 0; i < shape[0]; i++)
                    {
                        var sample = dataset[i];
                        Expect.Equal(2, sample?.Length ?? 0, $"the number of tensors in sample {i}");
                        Expect.SameTensor(features.Row(i), sample![0], $"tensor 0 of sample {i} (shape {Expect.ShapeOf(features)})");
                        Expect.SameTensor(labels.Row(i), sample[1], $"tensor 1 of sample {i}");
                    }
                }
            }),
        new("tensordataset-negative-index", GradeId, 2, "Negative indices count from the end",
            "As in Python, index -1 is the last sample: add Count to a negative index.", impl =>
            {
                var data = Data.RandomTensor(new Random(2), 5, 3);
                var dataset = Make(impl)([data]);
                for (int i = 1; i <= 5; i++)
                {
                    Expect.SameTensor(data.Row(5 - i), dataset[-i][0], $"sample {-i} of a dataset of Count 5");
                }
            }) { DependsOn = ["tensordataset-count", "tensordataset-rows"] },
        new("tensordataset-out-of-range", GradeId, 3, "An index outside [-Count, Count) is rejected, naming the index and Count",
            "Throw ArgumentOutOfRangeException (or IndexOutOfRangeException) with a message containing the index and Count.", impl =>
            {
                var dataset = Make(impl)([Tensor.Zeros(4, 2)]);
                foreach (int bad in new[] { 4, 9, -5 })
                {
                    Expect.Throws(() => _ = dataset[bad], $"dataset[{bad}] on a dataset of Count 4",
                        [typeof(ArgumentOutOfRangeException), typeof(IndexOutOfRangeException)], bad.ToString(), "4");
                }
            }) { DependsOn = ["tensordataset-count"] },
        new("tensordataset-mismatch", GradeId, 3, "Tensors of different sizes on dimension 0 are rejected, naming both sizes",
            "Compare every tensor's Size(0) with the first's in the constructor and throw ArgumentException naming both sizes.", impl =>
            {
                var create = Make(impl);
                Expect.Throws(() => create([Tensor.Zeros(100, 3), Tensor.Zeros(99)]), "new TensorDataset(100 images, 99 labels)",
                    [typeof(ArgumentException)], "100", "99");
            }),
        new("tensordataset-no-tensors", GradeId, 1, "A TensorDataset of no tensors is rejected",
            "Check tensors.Length in the constructor and throw ArgumentException when it is 0.", impl =>
            {
                var create = Make(impl);
                Expect.Throws(() => create([]), "new TensorDataset()", [typeof(ArgumentException)]);
            }),
    ];

    private static Func<Tensor[], TinyTorch.Data.Dataset<Tensor[]>> Make(Implementation impl) =>
        Implementation.Require(impl.TensorDataset, "TensorDataset");
}
