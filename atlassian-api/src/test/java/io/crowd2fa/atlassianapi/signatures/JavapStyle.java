package io.crowd2fa.atlassianapi.signatures;

import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Describes a compiled type in the line format of seraph-signatures.txt: {@code javap -protected
 * -constants} with fully-qualified names, one line per public or protected member the type itself
 * declares, plus {@code annotation} lines for runtime-visible annotations.
 */
final class JavapStyle {
  private JavapStyle() {}

  /** All lines for the type, in a stable order (declaration, fields, constructors, methods). */
  static List<String> describe(Class<?> type) {
    String name = type.getName();
    List<String> lines = new ArrayList<>();
    lines.add("class " + name + ": " + declaration(type));
    annotations(type).forEach(a -> lines.add("annotation " + name + ": " + a));
    Map<String, Object> constants = ConstantValues.of(type);
    for (Field field : type.getDeclaredFields()) {
      if (visible(field)) {
        lines.add(name + ": " + field(field, constants));
        annotations(field)
            .forEach(a -> lines.add("annotation " + name + "#" + field.getName() + ": " + a));
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (visible(constructor)) {
        lines.add(name + ": " + executable(constructor, name, ""));
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (visible(method) && !method.isBridge()) {
        String returns = method.getGenericReturnType().getTypeName() + " ";
        lines.add(name + ": " + executable(method, method.getName(), returns));
        annotations(method)
            .forEach(a -> lines.add("annotation " + name + "#" + method.getName() + ": " + a));
      }
    }
    return lines;
  }

  static boolean visible(Member member) {
    int modifiers = member.getModifiers();
    return !member.isSynthetic()
        && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
  }

  static boolean visible(Class<?> type) {
    int modifiers = type.getModifiers();
    return !type.isSynthetic()
        && !type.isAnonymousClass()
        && !type.isLocalClass()
        && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
  }

  private static String declaration(Class<?> type) {
    StringBuilder line = new StringBuilder();
    if (type.isInterface()) {
      int modifiers = type.getModifiers() & Modifier.classModifiers() & ~Modifier.ABSTRACT;
      line.append(prefix(modifiers)).append("interface ").append(type.getName());
      appendList(line, " extends ", type.getGenericInterfaces());
    } else {
      line.append(prefix(type.getModifiers() & Modifier.classModifiers()))
          .append("class ")
          .append(type.getName());
      Type superclass = type.getGenericSuperclass();
      if (superclass != null && superclass != Object.class) {
        line.append(" extends ").append(superclass.getTypeName());
      }
      appendList(line, " implements ", type.getGenericInterfaces());
    }
    return line.toString();
  }

  private static String field(Field field, Map<String, Object> constants) {
    String line =
        prefix(field.getModifiers() & Modifier.fieldModifiers())
            + field.getGenericType().getTypeName()
            + " "
            + field.getName();
    if (!constants.containsKey(field.getName())) {
      return line;
    }
    Object value = constants.get(field.getName());
    return line + " = " + (value instanceof String s ? quoted(s) : value);
  }

  private static String executable(Executable executable, String name, String returns) {
    StringBuilder line =
        new StringBuilder(prefix(executable.getModifiers() & modifierMask(executable)));
    TypeVariable<?>[] typeParameters = executable.getTypeParameters();
    if (typeParameters.length > 0) {
      line.append(
              Arrays.stream(typeParameters)
                  .map(JavapStyle::typeParameter)
                  .collect(Collectors.joining(", ", "<", ">")))
          .append(' ');
    }
    List<String> parameters =
        Stream.of(executable.getGenericParameterTypes()).map(Type::getTypeName).toList();
    if (executable.isVarArgs()) {
      int last = parameters.size() - 1;
      List<String> varargs = new ArrayList<>(parameters);
      varargs.set(last, varargs.get(last).replaceFirst("\\[\\]$", "..."));
      parameters = varargs;
    }
    line.append(returns).append(name).append('(').append(String.join(", ", parameters)).append(')');
    appendList(line, " throws ", executable.getGenericExceptionTypes());
    return line.toString();
  }

  private static int modifierMask(Executable executable) {
    return executable instanceof Method
        ? Modifier.methodModifiers()
        : Modifier.constructorModifiers();
  }

  private static String typeParameter(TypeVariable<?> variable) {
    Type[] bounds = variable.getBounds();
    if (bounds.length == 1 && bounds[0] == Object.class) {
      return variable.getName();
    }
    return variable.getName()
        + " extends "
        + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
  }

  private static List<String> annotations(AnnotatedElement element) {
    return Arrays.stream(element.getDeclaredAnnotations()).map(JavapStyle::annotation).toList();
  }

  private static String annotation(Annotation annotation) {
    String type = "@" + annotation.annotationType().getName();
    if (annotation instanceof Retention retention) {
      return type + "(" + qualified(retention.value()) + ")";
    }
    if (annotation instanceof Target target) {
      return type
          + Arrays.stream(target.value())
              .map(JavapStyle::qualified)
              .collect(Collectors.joining(", ", "({", "})"));
    }
    return type;
  }

  private static String qualified(Enum<?> constant) {
    return constant.getDeclaringClass().getName() + "." + constant.name();
  }

  private static String prefix(int modifiers) {
    String text = Modifier.toString(modifiers);
    return text.isEmpty() ? "" : text + " ";
  }

  private static void appendList(StringBuilder line, String keyword, Type[] types) {
    if (types.length > 0) {
      line.append(keyword)
          .append(Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
  }

  private static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
