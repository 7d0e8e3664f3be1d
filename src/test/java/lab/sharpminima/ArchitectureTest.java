package lab.sharpminima;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The arrows of STYLE.md: nothing below {@code ui} sees JavaFX, AWT or JFreeChart; nothing sees upward. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("lab.sharpminima");

    private static final String[] LOWER = {
        "lab.sharpminima.engine..", "lab.sharpminima.linalg..", "lab.sharpminima.symmetry..",
        "lab.sharpminima.measure..", "lab.sharpminima.landscape..", "lab.sharpminima.compute..",
        "lab.sharpminima.figure..", "lab.sharpminima.cli..", "lab.sharpminima.gpu..", "lab.sharpminima.session..",
        "lab.sharpminima.experiment..", "lab.sharpminima.about.."
    };

    @Test
    void nothingBelowUiUsesJavaFxAwtOrCharts() {
        noClasses().that().resideInAnyPackage(LOWER)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "org.jfree..")
                .check(CLASSES);
    }

    @Test
    void engineAndLinalgDependOnNothingAbove() {
        noClasses().that().resideInAnyPackage("lab.sharpminima.engine..", "lab.sharpminima.linalg..")
                .should().dependOnClassesThat().resideInAnyPackage("lab.sharpminima.symmetry..",
                        "lab.sharpminima.measure..", "lab.sharpminima.landscape..", "lab.sharpminima.figure..",
                        "lab.sharpminima.ui..", "lab.sharpminima.cli..", "lab.sharpminima.export..")
                .check(CLASSES);
    }

    @Test
    void onlyUiSeesUi() {
        noClasses().that().resideOutsideOfPackages("lab.sharpminima.ui..")
                .and().doNotHaveFullyQualifiedName("lab.sharpminima.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("lab.sharpminima.ui..")
                .check(CLASSES);
    }
}
