using System.Text.Json;
using System.Text.Json.Serialization;
using Course.Grading.Results;

namespace Course.Grading.Output;

/// <summary>
/// Writes and reads the grading statuses in JSON as their words (<see cref="StatusWords"/>): <c>"timed out"</c>, not
/// <c>3</c> or <c>"TimedOut"</c>, so every <c>result.json</c> an earlier run wrote reads as it did and every one written
/// now reads as before (the gradebook merge keeps earlier results). A word that names no status is a
/// <see cref="JsonException"/>: the file is then no complete result.
/// </summary>
public sealed class StatusJsonConverter : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert == typeof(SubmissionStatus) || typeToConvert == typeof(CheckOutcomeStatus) || typeToConvert == typeof(NotebookStatus);

    /// <inheritdoc/>
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(Words<>).MakeGenericType(typeToConvert));

    private sealed class Words<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string? word = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return StatusWords.TryParse(word, out T status)
                ? status
                : throw new JsonException($"'{word ?? reader.TokenType.ToString()}' is not a {typeof(T).Name} word.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(StatusWords.Word(value));
    }
}
