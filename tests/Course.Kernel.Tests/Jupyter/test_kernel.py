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

    # a trailing expression without ';' is the cell's result
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"abc".ToUpper()', "result": "ABC"},
        {"code": "new[] { 1, 2, 3 }", "result": "[ 1, 2, 3 ]"},
    ]

    # display() goes out as display_data, in every MIME type the value has
    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": "display(new { Name = \"x\", Value = 1 });", "mime": "text/plain"},
        {"code": "display(new { Name = \"x\", Value = 1 });", "mime": "text/html"},
    ]

    # history: the kernel keeps its inputs in memory
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 * ?"

    # is_complete_request, from Roslyn's script parser
    complete_code_samples = [
        "1",
        "Console.WriteLine(1);",
        "var x = 1;",
        "class A { }",
        "#!time\nThread.Sleep(1);",
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
