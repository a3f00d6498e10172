package io.tfbridge.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A {@code [NAME=]FILE} argument of {@code tfbridge predict}: {@code --input x.npy} for a model of
 * one input, {@code --input features=x1.npy --input extra=x2.npy} for several. An argument naming
 * an existing file is a file even if it holds {@code =}.
 *
 * @param name the input or output name, or {@code null} if none was given
 * @param file the .npy file
 */
record NamedFile(String name, Path file) {

  /** Parses one argument. */
  static NamedFile parse(String arg) {
    int eq = arg.indexOf('=');
    if (eq <= 0 || Files.exists(Path.of(arg))) {
      return new NamedFile(null, Path.of(arg));
    }
    return new NamedFile(arg.substring(0, eq), Path.of(arg.substring(eq + 1)));
  }

  /**
   * Parses the arguments of {@code option}: either one unnamed file, or only named ones, each name
   * once.
   *
   * @throws ParameterException (a usage error) otherwise
   */
  static List<NamedFile> parseAll(CommandSpec spec, String option, List<String> args) {
    List<NamedFile> files = new ArrayList<>();
    args.forEach(a -> files.add(parse(a)));
    long unnamed = files.stream().filter(f -> f.name() == null).count();
    if (unnamed > 0 && files.size() > 1) {
      throw usage(spec, "Several " + option + " files need names: " + option + " NAME=FILE.npy");
    }
    Set<String> seen = new HashSet<>();
    for (NamedFile f : files) {
      if (f.name() != null && !seen.add(f.name())) {
        throw usage(spec, "Name '" + f.name() + "' is given twice to " + option);
      }
    }
    return files;
  }

  /**
   * Binds a lone unnamed file to the model's only name; named files stay as they are.
   *
   * @throws ParameterException if the file is unnamed but the model has several names
   */
  static List<NamedFile> bind(CommandSpec spec, String option, List<NamedFile> files,
      List<String> names, String what) {
    if (files.size() != 1 || files.get(0).name() != null) {
      return files;
    }
    if (names.size() != 1) {
      throw usage(spec, "The model has " + names.size() + " " + what + "s " + names + ": name "
          + "each one, " + option + " NAME=FILE.npy");
    }
    return List.of(new NamedFile(names.get(0), files.get(0).file()));
  }

  /** A file name for an output: its name, characters other than {@code [A-Za-z0-9._-]} as '_'. */
  static String fileNameFor(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".npy";
  }

  static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
