using Course.Specs.Core;
using Course.Specs.Doubles;
using TinyTorch;
using TinyTorch.Transforms;

namespace Course.Specs.Checks;

/// <summary>
/// Cross-checks (grade_id <c>integration</c>): each of the student's pieces must work with the reference's, the way
/// the pieces of a real pipeline are mixed and matched. One is visible, so a student's copy of the check cell
/// reports something (the loader over the library's dataset); the others are hidden.
/// </summary>
public static class IntegrationSpecs
{
    /// <summary>The grade_id of the check cell.</summary>
    public const string GradeId = GradeIds.Integration;

    /// <summary>The checks.</summary>
    public static IReadOnlyList<Spec> All { get; } =
    [
        new("integration-student-dataset-reference-loader", GradeId, 3, "Your TensorDataset works inside the reference DataLoader",
            "The loader only uses Count and the indexer: make sure both follow the Dataset contract exactly.", impl =>
            {
                var (features, labels) = Pair(60);
                var dataset = Implementation.Require(impl.TensorDataset, "TensorDataset")([features, labels]);
                CheckEpoch(Implementation.Reference.DataLoader!(dataset, new LoaderSettings(8, Shuffle: true, Seed: 5)), features, labels);
            }) { Hidden = true },
        new("integration-reference-dataset-student-loader", GradeId, 3, "Your DataLoader works over the reference TensorDataset",
            "Use only dataset.Count and dataset[i]; collate each position of the samples into one tensor.", impl =>
            {
                var (features, labels) = Pair(60);
                var loader = Implementation.Require(impl.DataLoader, "DataLoader")(new TinyTorch.Data.TensorDataset(features, labels), new LoaderSettings(8, Shuffle: true, Seed: 5));
                CheckEpoch(loader, features, labels);
            }),
        new("integration-augmented-pipeline", GradeId, 4, "Your transforms, dataset and loader make a training pipeline",
            "Each piece must return new tensors of the documented shapes; check each exercise's own checks first.", impl =>
            {
                var (features, labels) = Pair(40, 3, 8, 8);
                var augment = Implementation.Require(impl.Compose, "Compose")(
                    [Implementation.Require(impl.Flip, "RandomHorizontalFlip")(0.5, 1), Implementation.Require(impl.Crop, "RandomCrop")(8, 2, 2)]);
                var dataset = new TransformedDataset(Implementation.Require(impl.TensorDataset, "TensorDataset")([features, labels]), augment);
                var epoch = DataLoaderSpecs.Epoch(Implementation.Require(impl.DataLoader, "DataLoader")(dataset, new LoaderSettings(16, Shuffle: true, Seed: 3)));
                Expect.Equal(3, epoch.Count, "the number of batches of 40 augmented samples in batches of 16");
                Expect.Equal("[16, 3, 8, 8]", Expect.ShapeOf(epoch[0][0]), "the shape of the first batch of augmented images");
                var seen = epoch.SelectMany(b => b[1].ToLabels()).Order().ToArray();
                Expect.That(seen.SequenceEqual(Enumerable.Range(0, 40)), "Expected every sample's label exactly once", () => "some were missing or repeated");
            }) { Hidden = true },
    ];

    private static (Tensor Features, Tensor Labels) Pair(int n, params int[] sampleShape)
    {
        int[] shape = [n, .. sampleShape.Length == 0 ? [4] : sampleShape];
        return (Data.RandomTensor(new Random(n), shape), Tensor.FromLabels(Enumerable.Range(0, n).ToArray()));
    }

    private static void CheckEpoch(LoaderUnderTest loader, Tensor features, Tensor labels)
    {
        var seen = new HashSet<int>();
        foreach (var batch in DataLoaderSpecs.Epoch(loader))
        {
            int[] ids = batch[1].ToLabels();
            for (int s = 0; s < ids.Length; s++)
            {
                Expect.That(seen.Add(ids[s]), $"Expected sample {ids[s]} once per epoch", () => "it came twice");
                Expect.SameTensor(features.Row(ids[s]), batch[0].Row(s), $"the features of sample {ids[s]} in its batch");
            }
        }

        Expect.Equal(labels.Size(0), seen.Count, "the number of distinct samples in an epoch");
    }
}
