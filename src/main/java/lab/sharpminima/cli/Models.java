package lab.sharpminima.cli;

import java.io.IOException;
import java.nio.file.Path;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.engine.io.ModelFormatException;

/** Reading and writing model files for the commands, turning format errors into bad input. */
final class Models {
    private Models() {
    }

    static Model load(Path path) {
        try {
            return ModelFiles.read(path);
        } catch (ModelFormatException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** A model that has data, since a loss is needed. */
    static Model loadWithData(Path path) {
        Model m = load(path);
        if (m.data() == null) {
            throw new BadInputException(path + ": data is required to measure a loss (the file has none)");
        }
        return m;
    }

    static void save(Model model, Path path) {
        try {
            ModelFiles.write(model, path);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + path + ": " + e.getMessage());
        }
    }
}
