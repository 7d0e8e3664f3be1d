package lab.sharpminima.ui;

import lab.sharpminima.session.Session;
import lab.sharpminima.ui.figure1.Figure1ViewModel;
import lab.sharpminima.ui.figure2.Figure2ViewModel;
import lab.sharpminima.ui.figure3.Figure3ViewModel;
import lab.sharpminima.ui.figure4.Figure4ViewModel;
import lab.sharpminima.ui.figure5.Figure5ViewModel;

/**
 * Each figure view's part of a {@link Session}: {@code capture} reads a ViewModel's settings,
 * {@code apply} sets them through the ViewModel's own commands (which redraw as a slider move would).
 * Kept outside the ViewModels so that they stay as they are; values were validated on open, so the
 * commands' clamping changes nothing.
 */
final class FigureSessions {

    private FigureSessions() {
    }

    static Session.Figure1 capture(Figure1ViewModel vm) {
        return new Session.Figure1(vm.thetaProperty().get(), vm.epsilonProperty().get());
    }

    static void apply(Figure1ViewModel vm, Session.Figure1 s) {
        vm.setTheta(s.theta());
        vm.setEpsilon(s.epsilon());
    }

    static Session.Figure2 capture(Figure2ViewModel vm) {
        return new Session.Figure2(vm.theta1Property().get(), vm.theta2Property().get(),
                vm.alphaExponentProperty().get(), vm.epsilonProperty().get());
    }

    static void apply(Figure2ViewModel vm, Session.Figure2 s) {
        vm.setTheta(s.theta1(), s.theta2());
        vm.setAlphaExponent(s.alphaExponent());
        vm.setEpsilon(s.epsilon());
    }

    static Session.Figure3 capture(Figure3ViewModel vm) {
        return new Session.Figure3(vm.alphaExponentProperty().get(), vm.radiusProperty().get(),
                vm.countProperty().get());
    }

    static void apply(Figure3ViewModel vm, Session.Figure3 s) {
        vm.setAlphaExponent(s.alphaExponent());
        vm.setRadius(s.radius());
        vm.setCount(s.count());
    }

    static Session.Figure4 capture(Figure4ViewModel vm) {
        return new Session.Figure4(vm.theta1Property().get(), vm.theta2Property().get(), vm.epsilonProperty().get());
    }

    static void apply(Figure4ViewModel vm, Session.Figure4 s) {
        vm.setTheta(s.theta1(), s.theta2());
        vm.setEpsilon(s.epsilon());
    }

    static Session.Figure5 capture(Figure5ViewModel vm) {
        return new Session.Figure5(capture(vm.map(1)), capture(vm.map(2)));
    }

    private static Session.Radial capture(Figure5ViewModel.MapState m) {
        return new Session.Radial(m.aProperty().get(), m.logBProperty().get(), m.centreProperty().get());
    }

    static void apply(Figure5ViewModel vm, Session.Figure5 s) {
        apply(vm.map(1), s.first());
        apply(vm.map(2), s.second());
    }

    private static void apply(Figure5ViewModel.MapState m, Session.Radial r) {
        m.setA(r.a());
        m.setLogB(r.logB());
        m.setCentre(r.centre());
    }
}
