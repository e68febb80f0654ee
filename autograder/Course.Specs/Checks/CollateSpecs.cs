using Course.Specs.Core;
using Course.Specs.Doubles;
using TinyTorch;

namespace Course.Specs.Checks;

/// <summary>The graded properties of the collate exercise (notebook 04, grade_id <c>collate</c>).</summary>
public static class CollateSpecs
{
    /// <summary>The grade_id of the check cell.</summary>
    public const string GradeId = GradeIds.Collate;

    /// <summary>The checks.</summary>
    public static IReadOnlyList<Spec> All { get; } =
    [
        new("collate-shapes", GradeId, 3, "Position p of B samples becomes one tensor of shape [B, ...]",
            "Return one tensor per sample position; tensor p has shape [samples.Count, ..samples[0][p].Shape].", impl =>
            {
                var collate = Make(impl);
                var samples = Samples(new Random(1), 5, [3, 4], []);
                var batch = collate(samples);
                Expect.Equal(2, batch?.Length ?? 0, "the number of tensors collated from samples of (features, label)");
                Expect.Equal("[5, 3, 4]", Expect.ShapeOf(batch![0]), "the shape of the collated features");
                Expect.Equal("[5]", Expect.ShapeOf(batch[1]), "the shape of the collated labels");
                var three = collate(Samples(new Random(2), 2, [2], [2, 2], [1]));
                Expect.Equal(3, three.Length, "the number of tensors collated from samples of three tensors");
            }),
        new("collate-values", GradeId, 3, "Row s of tensor p is sample s's tensor p",
            "Copy sample s's values for position p into the slice [s * sampleLength, (s + 1) * sampleLength) of one array per position.", impl =>
            {
                var collate = Make(impl);
                var samples = Samples(new Random(3), 7, [2, 3], [], [4]);
                var batch = collate(samples);
                for (int p = 0; p < 3; p++)
                {
                    for (int s = 0; s < samples.Count; s++)
                    {
                        Expect.SameTensor(samples[s][p], batch[p].Row(s), $"row {s} of collated tensor {p}");
                    }
                }
            }),
        new("collate-independent", GradeId, 2, "The batch owns its memory: no aliasing with the samples",
            "Allocate a new array for each position and copy into it; never wrap a sample's own array.", impl =>
            {
                var world = impl.World;
                var collate = Make(impl);
                var samples = Samples(new Random(4), 3, [4], []);
                var batch = collate(samples);
                float before = world.Refresh(batch[0])[0, 0];
                world.Fill(samples[0][0], 1234f);
                Expect.Equal(before, world.Refresh(batch[0])[0, 0], "the batch's first value after the first sample was overwritten");
                var kept = samples[1][0].ToArray();
                world.Fill(batch[0], -1f);
                Expect.That(world.Refresh(samples[1][0]).Values.SequenceEqual(kept), "Expected the samples to stay unchanged when the batch is overwritten",
                    () => "sample 1 changed: the batch shares the sample's memory");
            }),
        new("collate-fresh-batches", GradeId, 1, "A batch stays as it was when the next one is collated",
            "Allocate new arrays on every call: a buffer kept in a field and reused for the next batch changes the batch the caller kept.", impl =>
            {
                var world = impl.World;
                var collate = Make(impl);
                var first = Samples(new Random(8), 4, [3], []);
                var batch = collate(first);
                var values = world.Refresh(batch[0]).ToArray();
                _ = collate(Samples(new Random(9), 4, [3], []));
                Expect.That(world.Refresh(batch[0]).Values.SequenceEqual(values), "Expected a collated batch to keep its values after the next call to Collate",
                    () => "they changed to the next batch's: Collate writes every batch into one reused buffer");
            }) { DependsOn = ["collate-values"] },
        new("collate-bad-input", GradeId, 1, "An empty list or samples of different shapes are rejected",
            "Throw ArgumentException for an empty list and when a sample's shape differs from sample 0's.", impl =>
            {
                var collate = Make(impl);
                Expect.Throws(() => collate([]), "Collate(an empty list)", [typeof(ArgumentException)]);
                // Equal lengths, different shapes: only a real shape check notices.
                Expect.Throws(() => collate([[Tensor.Zeros(2, 3)], [Tensor.Zeros(3, 2)]]), "Collate(samples of shapes [2, 3] and [3, 2])", [typeof(ArgumentException)]);
            }),
        new("collate-time", GradeId, 1, "Collating takes at most k times the reference's time",
            "Copy whole rows with Span.CopyTo (or Array.Copy) rather than element by element through an indexer.", impl =>
            {
                var collate = Make(impl);
                // A hundred different lists, each collated once where the code runs and checked against the
                // reference's batch: the time is of real collations, none remembered from the last. Batches stay
                // below the large-object-heap threshold, so what is compared is the copying, not the operating
                // system handing out fresh pages; samples are large enough that copying, not per-sample
                // bookkeeping, is what is timed.
                var lists = Lists(100, 16, [3, 16, 16], seed: 500);
                var expected = lists.Select(l => (IReadOnlyList<Tensor>)Implementation.Reference.Collate!(l)).ToList();
                Timing.WithinBudget("collating 100 batches of 16 samples of [3, 16, 16]",
                    () => TimedOutputs.Matching(impl.World.CollateEach(collate, lists), expected, "the batch collated from list {0}"),
                    () => InProcessWorld.Instance.CollateEach(Implementation.Reference.Collate!, lists).Cpu, Budgets.Ratio("collate-time"));
            }) { Timeout = TimeSpan.FromSeconds(60), DependsOn = ["collate-values"] },
        new("collate-scaling", GradeId, 1, "Collating scales linearly with the batch size",
            "Each sample should be copied once; growing a buffer by re-copying it for every sample is quadratic.", impl =>
            {
                var collate = Make(impl);
                // 64 lists of each size, so the smaller batches take milliseconds, each batch checked.
                var small = Lists(64, 16, [3, 4, 4], seed: 600);
                var large = Lists(64, 256, [3, 4, 4], seed: 700);
                var expectedSmall = small.Select(l => (IReadOnlyList<Tensor>)Implementation.Reference.Collate!(l)).ToList();
                var expectedLarge = large.Select(l => (IReadOnlyList<Tensor>)Implementation.Reference.Collate!(l)).ToList();
                Timing.Scaling("collate time against batch size (16 and 256 samples)",
                    n => n == 16
                        ? TimedOutputs.Matching(impl.World.CollateEach(collate, small), expectedSmall, "the batch collated from list {0} of 16 samples")
                        : TimedOutputs.Matching(impl.World.CollateEach(collate, large), expectedLarge, "the batch collated from list {0} of 256 samples"),
                    16, Budgets.Scaling("collate-scaling"));
            }) { Timeout = TimeSpan.FromSeconds(60), DependsOn = ["collate-values"] },
    ];

    private static void Repeat(int times, Action action)
    {
        for (int i = 0; i < times; i++)
        {
            action();
        }
    }

    private static Func<IReadOnlyList<Tensor[]>, Tensor[]> Make(Implementation impl) => Implementation.Require(impl.Collate, "Collate");

    private static List<IReadOnlyList<Tensor[]>> Lists(int lists, int count, int[] shape, int seed) =>
        Enumerable.Range(0, lists).Select(i => (IReadOnlyList<Tensor[]>)Samples(new Random(seed + i), count, shape, [])).ToList();

    private static List<Tensor[]> Samples(Random random, int count, params int[][] shapes) =>
        Enumerable.Range(0, count).Select(_ => shapes.Select(shape => Data.RandomTensor(random, shape)).ToArray()).ToList();
}
