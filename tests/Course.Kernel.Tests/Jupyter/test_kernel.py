"""jupyter_kernel_test's standard suite against the kit's C# kernel.

Run by JupyterKernelTestSuiteTests (xunit), which installs the kernelspec into a temporary prefix, points
JUPYTER_PATH at it and sets COURSE_KERNEL_NAME. By hand:

    dotnet run --project src/Course.Cli -- kernel install --prefix /tmp/k --name course-csharp-test
    JUPYTER_PATH=/tmp/k/share/jupyter COURSE_KERNEL_NAME=course-csharp-test \
        /usr/bin/python3 -m unittest -v tests/Course.Kernel.Tests/jupyter/test_kernel.py
"""

import os
import unittest

import jupyter_kernel_test


class CourseCSharpKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("COURSE_KERNEL_NAME", ".net-csharp")

    # kernel_info_reply's language_info
    language_name = "C#"
    file_extension = ".cs"

    # stdout and stderr as stream messages
    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("oops");'

    # an exception: one error message on IOPub, status "error" in the reply
    code_generate_error = 'throw new InvalidOperationException("boom");'

    # a trailing expression without ';' is the cell's result; as in the real .NET Interactive kernel, a string
    # comes as text/plain and other values as text/html only (the suite compares text/plain)
    code_execute_result = [
        {"code": "(6 * 7).ToString()", "result": "42"},
        {"code": '"abc".ToUpper()', "result": "ABC"},
        {"code": 'string.Join(", ", new[] { 1, 2, 3 })', "result": "1, 2, 3"},
    ]

    # display() goes out as display_data in the value's preferred MIME types, or the ones asked for
    code_display_data = [
        {"code": 'display(HTML("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'display("plain");', "mime": "text/plain"},
        {"code": "display(new { Name = \"x\", Value = 1 });", "mime": "text/html"},
        {"code": 'display(new { Name = "x" }, "text/plain");', "mime": "text/plain"},
    ]

    # history: the kernel keeps its inputs in memory
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "(6 * ?).ToString()"

    # is_complete_request, from Roslyn's script parser
    complete_code_samples = [
        "1",
        "Console.WriteLine(1);",
        "var x = 1;",
        "class A { }",
        "#!time\nSystem.Threading.Thread.Sleep(1);",
    ]
    incomplete_code_samples = [
        "class A {",
        "if (true) {",
        "Console.WriteLine(",
        'var s = @"abc',
        "for (int i = 0; i < 3; i++)",
    ]
    invalid_code_samples = [
        "}",
        "Console.WriteLine(1));",
    ]

    # complete_request: Roslyn member completion
    completion_samples = [
        {"text": "Console.Wri", "matches": {"Write", "WriteLine"}},
        {"text": "Math.Ma", "matches": {"Max", "MaxMagnitude"}},
        {"text": '"abc".ToUpp', "matches": {"ToUpper", "ToUpperInvariant"}},
    ]

    # inspect_request
    code_inspect_sample = "Console.WriteLine"


if __name__ == "__main__":
    unittest.main()
