using Course.Specs.Core;
using Course.Specs.Doubles;
using TinyTorch;
using TinyTorch.Transforms;

namespace Course.Specs.Checks;

/// <summary>The graded properties of the transforms exercises (notebook 05).</summary>
public static class TransformSpecs
{
    /// <summary>The grade_id of the RandomHorizontalFlip check cell.</summary>
    public const string FlipGradeId = GradeIds.Flip;

    /// <summary>The grade_id of the RandomCrop check cell.</summary>
    public const string CropGradeId = GradeIds.Crop;

    /// <summary>The grade_id of the Compose check cell.</summary>
    public const string ComposeGradeId = GradeIds.Compose;

    /// <summary>The checks.</summary>
    public static IReadOnlyList<Spec> All { get; } =
    [
        new("flip-mirrors", FlipGradeId, 3, "With p = 1 the image is mirrored along its last axis (HW and CHW)",
            "Output[c, y, x] = input[c, y, W - 1 - x]; treat every row of the last axis the same way.", impl =>
            {
                var flip = Implementation.Require(impl.Flip, "RandomHorizontalFlip")(1.0, 0);
                foreach (var shape in new[] { new[] { 3, 4, 5 }, [4, 6], [1, 1, 3] })
                {
                    var image = Data.Iota(shape);
                    Expect.SameTensor(Mirror(image), flip.Apply(image), $"the flip of an image of shape {Expect.ShapeOf(image)}");
                }
            }),
        new("flip-new-tensor", FlipGradeId, 2, "The output is a new tensor, flipped or not",
            "Even when not flipping, return a copy (Clone), never the input itself: later stages may write to it.", impl =>
            {
                var world = impl.World;
                foreach (double p in new[] { 0.0, 1.0 })
                {
                    var flip = Implementation.Require(impl.Flip, "RandomHorizontalFlip")(p, 0);
                    var image = Data.Iota(2, 3, 3);
                    var output = flip.Apply(image);
                    Expect.That(!world.SameObject(image, output), $"Expected a new tensor from a flip with p = {p}", () => "the input itself came back");
                    world.Fill(output, -7f);
                    Expect.SameTensor(Data.Iota(2, 3, 3), world.Refresh(image), $"the input after its flip (p = {p}) was overwritten");
                }
            }),
        new("flip-frequency", FlipGradeId, 2, "The flip happens with probability p",
            "Draw random.NextDouble() once per call and flip when it is below p.", impl =>
            {
                const int trials = 4000;
                const double p = 0.3;
                var flip = Implementation.Require(impl.Flip, "RandomHorizontalFlip")(p, 11);
                var image = Data.Iota(1, 2, 5);
                var mirrored = Mirror(image);
                var upsideDown = MirrorRows(image);
                int flipped = 0, rowsReversed = 0, changedOtherwise = 0;
                for (int i = 0; i < trials; i++)
                {
                    var output = flip.Apply(image);
                    if (output.Values.SequenceEqual(mirrored.Values))
                    {
                        flipped++;
                    }
                    else if (output.Values.SequenceEqual(upsideDown.Values))
                    {
                        rowsReversed++;
                    }
                    else if (!output.Values.SequenceEqual(image.Values))
                    {
                        changedOtherwise++;
                    }
                }

                // Five binomial standard deviations: sqrt(4000 * 0.3 * 0.7) / 4000 = 0.0072 each.
                double rate = flipped / (double)trials, tolerance = 5 * Math.Sqrt(p * (1 - p) / trials);
                // What came back is named, so a flip of the wrong axis is not told to fix a draw that is right.
                double changed = (flipped + rowsReversed + changedOtherwise) / (double)trials;
                string draw = Math.Abs(changed - p) <= tolerance ? $"; {changed:P1} came back changed in all, so the draw itself looks right" : "";
                Expect.That(Math.Abs(rate - p) <= tolerance, $"Expected about {p:P0} of {trials} images mirrored along their last axis (within ±{tolerance:P1})",
                    () => rowsReversed > 0
                        ? $"{rate:P1} were, and {rowsReversed / (double)trials:P1} came back with their rows reversed instead (upside down): the flip reverses the second-to-last axis, not the last{draw}"
                        : changedOtherwise > 0
                        ? $"{rate:P1} were, and {changedOtherwise / (double)trials:P1} came back changed in another way: the flip moves values wrongly{draw}"
                        : $"{rate:P1} were, and none came back changed in another way: the flip is drawn with the wrong probability (draw random.NextDouble() once per call and flip when it is below p)");
            }) { DependsOn = ["flip-mirrors"] },
        new("flip-bad-p", FlipGradeId, 1, "A probability outside [0, 1] is rejected, naming the value",
            "In the constructor, throw ArgumentOutOfRangeException when p < 0 or p > 1, with p in the message.", impl =>
            {
                var make = Implementation.Require(impl.Flip, "RandomHorizontalFlip");
                foreach (double bad in new[] { -0.5, 1.5 })
                {
                    Expect.Throws(() => make(bad, 0), $"new RandomHorizontalFlip({bad})", [typeof(ArgumentException)], bad.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }),
        new("crop-window", CropGradeId, 4, "A crop is a window of the zero-padded image",
            "Pad H and W with zeros on every side, draw top and left in [0, 2 * padding], and copy the size x size window (every channel).", impl =>
            {
                var crop = Implementation.Require(impl.Crop, "RandomCrop");
                foreach (var shape in new[] { new[] { 3, 8, 8 }, [6, 6] })
                {
                    var transform = crop(shape[^1], 2, 3);
                    var image = Data.Iota(shape);
                    for (int trial = 0; trial < 20; trial++)
                    {
                        var output = transform.Apply(image);
                        Expect.That(output.Shape.SequenceEqual(shape), $"Expected a crop of size {shape[^1]} to keep shape {Expect.ShapeOf(image)}",
                            () => $"it had shape {Expect.ShapeOf(output)}");
                        Expect.That(WindowOf(image, output, 2) is not null, $"Expected the crop of an image of shape {Expect.ShapeOf(image)} to equal some window of the image padded by 2 zeros",
                            () => "it matched no window");
                    }
                }
            }),
        new("crop-offsets", CropGradeId, 3, "Every window position can be drawn",
            "top and left each take every value in [0, 2 * padding], inclusive: random.Next(2 * padding + 1).", impl =>
            {
                var transform = Implementation.Require(impl.Crop, "RandomCrop")(5, 2, 17);
                var image = Data.Iota(1, 5, 5);
                var seen = new HashSet<(int, int)>();
                for (int trial = 0; trial < 1500; trial++)
                {
                    if (WindowOf(image, transform.Apply(image), 2) is { } offset)
                    {
                        seen.Add(offset);
                    }
                }

                Expect.That(seen.Count == 25, "Expected all 25 window positions (top and left in 0..4) over 1,500 crops with padding 2",
                    () => $"only {seen.Count} appeared: {string.Join(" ", seen.Order().Take(30))}");
            }) { DependsOn = ["crop-window"] },
        new("crop-too-large", CropGradeId, 1, "A crop larger than the padded image is rejected, naming the size",
            "Before cropping, check size <= H + 2 * padding and size <= W + 2 * padding; throw ArgumentException naming the size.", impl =>
            {
                var make = Implementation.Require(impl.Crop, "RandomCrop");
                Expect.Throws(() => make(45, 4, 0).Apply(Tensor.Zeros(3, 32, 32)), "a RandomCrop(45, padding: 4) of a 32x32 image",
                    [typeof(ArgumentException)], "45");
            }),
        new("compose-order", ComposeGradeId, 3, "Compose applies its transforms in order",
            "Feed each transform's output to the next, starting with the first in the list.", impl =>
            {
                var compose = Implementation.Require(impl.Compose, "Compose");
                var image = Data.Iota(2, 2);
                var output = compose([new AddOne(), new Double()]).Apply(image);
                Expect.Equal((image[0, 0] + 1) * 2, output[0, 0], "the first value after Compose([add 1, double])");
                output = compose([new Double(), new AddOne()]).Apply(image);
                Expect.Equal(image[0, 0] * 2 + 1, output[0, 0], "the first value after Compose([double, add 1])");
            }),
        new("compose-new-tensor", ComposeGradeId, 2, "An empty Compose still returns a new tensor",
            "With no transforms, return input.Clone(), not the input.", impl =>
            {
                var image = Data.Iota(2, 2);
                var output = Implementation.Require(impl.Compose, "Compose")([]).Apply(image);
                Expect.That(!impl.World.SameObject(image, output), "Expected a new tensor from an empty Compose", () => "the input itself came back");
                Expect.SameTensor(image, output, "the output of an empty Compose");
            }),
    ];

    private static Tensor Mirror(Tensor image)
    {
        var result = image.Clone();
        int width = image.Size(-1);
        var span = result.AsSpan();
        for (int start = 0; start < span.Length; start += width)
        {
            span.Slice(start, width).Reverse();
        }

        return result;
    }

    // The image upside down: its rows (the second-to-last axis) in reverse order, what a flip of the wrong axis gives.
    private static Tensor MirrorRows(Tensor image)
    {
        var result = image.Clone();
        int width = image.Size(-1), height = image.Size(-2);
        var span = result.AsSpan();
        var source = image.Values;
        for (int plane = 0; plane < image.Length / (height * width); plane++)
        {
            for (int y = 0; y < height; y++)
            {
                source.Slice(((plane * height) + height - 1 - y) * width, width).CopyTo(span.Slice(((plane * height) + y) * width, width));
            }
        }

        return result;
    }

    /// <summary>The (top, left) of the window of the zero-padded image equal to <paramref name="output"/>, if any.</summary>
    private static (int Top, int Left)? WindowOf(Tensor image, Tensor output, int padding)
    {
        int channels = image.Rank == 3 ? image.Size(0) : 1, h = image.Size(-2), w = image.Size(-1);
        int oh = output.Size(-2), ow = output.Size(-1);
        if (output.Length != channels * oh * ow)
        {
            return null;
        }

        var src = image.Values.ToArray();
        var dst = output.Values.ToArray();
        for (int top = 0; top <= h + 2 * padding - oh; top++)
        {
            for (int left = 0; left <= w + 2 * padding - ow; left++)
            {
                bool match = true;
                for (int c = 0; c < channels && match; c++)
                {
                    for (int y = 0; y < oh && match; y++)
                    {
                        for (int x = 0; x < ow && match; x++)
                        {
                            int sy = top + y - padding, sx = left + x - padding;
                            float expected = sy >= 0 && sy < h && sx >= 0 && sx < w ? src[(c * h + sy) * w + sx] : 0f;
                            match = dst[(c * oh + y) * ow + x] == expected;
                        }
                    }
                }

                if (match)
                {
                    return (top, left);
                }
            }
        }

        return null;
    }

    private sealed class AddOne : ITransform
    {
        public Tensor Apply(Tensor input)
        {
            var output = input.Clone();
            var span = output.AsSpan();
            for (int i = 0; i < span.Length; i++)
            {
                span[i] += 1;
            }

            return output;
        }
    }

    private sealed class Double : ITransform
    {
        public Tensor Apply(Tensor input)
        {
            var output = input.Clone();
            var span = output.AsSpan();
            for (int i = 0; i < span.Length; i++)
            {
                span[i] *= 2;
            }

            return output;
        }
    }
}
