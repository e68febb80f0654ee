using System.Text.Json;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Tests.Support;
using TinyTorch.Transforms;

namespace TinyTorch.Analysis.Tests.Charts;

public sealed class ImageViewTests
{
    private static int[][][] Z(JsonElement trace) =>
        trace.GetProperty("z").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(px => px.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray())
            .ToArray();

    [Fact]
    public void UnitRangeImagesAreScaledTo255PerChannel()
    {
        // [C=3, H=1, W=2]: pixel (0,0) = (0, 0.5, 1), pixel (0,1) = (1, 0.25, 0)
        var image = new Tensor([0f, 1f, 0.5f, 0.25f, 1f, 0f], 3, 1, 2);

        var rgb = ImageView.ToRgb(image);

        Assert.Equal([0, 128, 255], rgb[0][0]);
        Assert.Equal([255, 64, 0], rgb[0][1]);
    }

    [Fact]
    public void NormalisedImagesAreStretchedFromTheirMinimumToTheirMaximum()
    {
        var image = new Tensor([-2f, 0f, 2f, 6f], 2, 2);

        var rgb = ImageView.ToRgb(image);

        Assert.Equal([0, 0, 0], rgb[0][0]);
        Assert.Equal([64, 64, 64], rgb[0][1]); // grey: one channel drawn on all three
        Assert.Equal([255, 255, 255], rgb[1][1]);
    }

    [Fact]
    public void BeforeAfterShowsBothImagesAndTheFlipMirrorsThePixels()
    {
        var before = SmallData.Images(1, 3, 4, 5)[0][0];
        var after = new RandomHorizontalFlip(p: 1.0).Apply(before);

        var figure = FigureData.Of(ImageView.BeforeAfter(before, after, "RandomHorizontalFlip"));

        Assert.Equal(2, figure.Traces.Length);
        Assert.All(figure.Traces, t => Assert.Equal("image", t.GetProperty("type").GetString()));
        var left = Z(figure.Traces[0]);
        var right = Z(figure.Traces[1]);
        Assert.Equal(ImageView.ToRgb(before), left);
        Assert.Equal(ImageView.ToRgb(after), right);
        for (int y = 0; y < 4; y++)
        {
            Assert.Equal(left[y].Reverse(), right[y]);
        }
    }

    [Fact]
    public void RejectsTensorsThatAreNotImagesAndMismatchedTitles()
    {
        Assert.Throws<ArgumentException>(() => ImageView.ToRgb(Tensor.Zeros(2, 4, 4)));
        Assert.Throws<ArgumentException>(() => ImageView.ToRgb(Tensor.Zeros(4)));
        Assert.Throws<ArgumentException>(() => ImageView.Grid([Tensor.Zeros(4, 4)], ["a", "b"]));
        Assert.Throws<ArgumentException>(() => ImageView.Grid([]));
    }
}
