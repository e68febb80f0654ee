using TinyTorch.Analysis.Charts.Bridge;

namespace TinyTorch.Analysis.Charts;

/// <summary>
/// Shows image tensors (CHW with 1 or 3 channels, or HW) as pictures, for seeing what a transform
/// does: side by side, before and after.
/// </summary>
/// <remarks>
/// Values become 0-255 intensities per image: an image within [0, 1] is multiplied by 255, one
/// within [0, 255] is shown as is, and any other (a normalised image, with negative values) is
/// stretched from its own minimum to its own maximum.
/// </remarks>
public static class ImageView
{
    /// <summary>Shows one image.</summary>
    /// <param name="image">A [3, H, W], [1, H, W] or [H, W] tensor.</param>
    /// <param name="title">The chart's title.</param>
    /// <returns>A chart of the image.</returns>
    /// <exception cref="ArgumentException">The tensor is not an image of one of those shapes.</exception>
    public static ChartView Show(Tensor image, string title = "image") => Grid([image], [title], columns: 1, title);

    /// <summary>Shows an image before and after a transform, side by side.</summary>
    /// <param name="before">The input image.</param>
    /// <param name="after">The transformed image.</param>
    /// <param name="transformName">Names the transform in the titles, e.g. "RandomCrop(32, padding: 4)".</param>
    /// <returns>A chart of the two images.</returns>
    /// <exception cref="ArgumentException">A tensor is not an image.</exception>
    public static ChartView BeforeAfter(Tensor before, Tensor after, string transformName = "transform") =>
        Grid([before, after], ["before", $"after {transformName}"], columns: 2, transformName);

    /// <summary>Shows several images in a grid, row by row.</summary>
    /// <param name="images">The images, at least one.</param>
    /// <param name="titles">One title per image; numbered by default.</param>
    /// <param name="columns">Images per row, at least 1.</param>
    /// <param name="title">The chart's title.</param>
    /// <returns>A chart of the images.</returns>
    /// <exception cref="ArgumentException">No images, a tensor that is not an image, or a title count that differs from the image count.</exception>
    public static ChartView Grid(IReadOnlyList<Tensor> images, IReadOnlyList<string>? titles = null, int columns = 4, string title = "images")
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            throw new ArgumentException("Give at least one image to show.", nameof(images));
        }

        if (titles is not null && titles.Count != images.Count)
        {
            throw new ArgumentException($"{images.Count} images but {titles.Count} titles; give one title per image.", nameof(titles));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var pixels = images.Select(ToRgb).ToArray();
        string[] names = titles?.ToArray() ?? images.Select((_, i) => $"image {i + 1}").ToArray();
        return new ChartView(PlotlyBridgeLoader.Shared.DrawImages(pixels, names, Math.Min(columns, images.Count), title));
    }

    /// <summary>The image as rows of pixels of [red, green, blue] intensities in 0-255, the form plotly's image trace draws.</summary>
    /// <param name="image">A [3, H, W], [1, H, W] or [H, W] tensor.</param>
    /// <returns>Pixels indexed [y][x][channel].</returns>
    /// <exception cref="ArgumentException">The tensor is not an image of one of those shapes.</exception>
    public static int[][][] ToRgb(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var shape = image.Shape;
        (int channels, int height, int width) = shape.Count switch
        {
            2 => (1, shape[0], shape[1]),
            3 when shape[0] is 1 or 3 => (shape[0], shape[1], shape[2]),
            _ => throw new ArgumentException(
                $"An image is [3, H, W], [1, H, W] or [H, W], but this tensor has shape [{string.Join(", ", shape)}].", nameof(image)),
        };

        var values = image.Values;
        var (offset, scale) = Scaling(values);
        int plane = height * width;
        var pixels = new int[height][][];
        for (int y = 0; y < height; y++)
        {
            pixels[y] = new int[width][];
            for (int x = 0; x < width; x++)
            {
                var rgb = new int[3];
                for (int c = 0; c < 3; c++)
                {
                    float v = values[(channels == 1 ? 0 : c) * plane + y * width + x];
                    rgb[c] = (int)Math.Clamp(Math.Round((v - offset) * scale), 0, 255);
                }

                pixels[y][x] = rgb;
            }
        }

        return pixels;
    }

    private static (float Offset, float Scale) Scaling(ReadOnlySpan<float> values)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (float v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (min >= 0 && max <= 1)
        {
            return (0, 255);
        }

        if (min >= 0 && max <= 255)
        {
            return (0, 1);
        }

        return max > min ? (min, 255 / (max - min)) : (min, 0);
    }
}
