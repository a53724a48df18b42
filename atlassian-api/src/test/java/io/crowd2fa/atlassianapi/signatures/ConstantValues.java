package io.crowd2fa.atlassianapi.signatures;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code ConstantValue} attributes of a class file: which static final fields are
 * compile-time constants, and their values. Reflection cannot tell a constant from a field set in a
 * static initializer, and the difference is binary-visible (javac inlines constants into callers).
 */
final class ConstantValues {
  private ConstantValues() {}

  static Map<String, Object> of(Class<?> type) {
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("class file not found: " + resource);
      }
      return read(new DataInputStream(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> read(DataInputStream in) throws IOException {
    in.readInt(); // magic
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    Object[] pool = readConstantPool(in);
    in.skipBytes(6); // access flags, this class, super class
    in.skipBytes(2 * in.readUnsignedShort()); // interfaces
    Map<String, Object> constants = new HashMap<>();
    int fields = in.readUnsignedShort();
    for (int f = 0; f < fields; f++) {
      in.readUnsignedShort(); // access flags
      String name = (String) pool[in.readUnsignedShort()];
      in.readUnsignedShort(); // descriptor
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attribute = (String) pool[in.readUnsignedShort()];
        int length = in.readInt();
        if ("ConstantValue".equals(attribute)) {
          Object value = pool[in.readUnsignedShort()];
          constants.put(name, value instanceof StringRef ref ? pool[ref.utf8Index()] : value);
        } else {
          in.skipBytes(length);
        }
      }
    }
    return constants;
  }

  private static Object[] readConstantPool(DataInputStream in) throws IOException {
    Object[] pool = new Object[in.readUnsignedShort()];
    for (int i = 1; i < pool.length; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> pool[i] = in.readUTF();
        case 3 -> pool[i] = in.readInt();
        case 4 -> pool[i] = in.readFloat();
        case 5 -> pool[i++] = in.readLong();
        case 6 -> pool[i++] = in.readDouble();
        case 8 -> pool[i] = new StringRef(in.readUnsignedShort());
        case 7, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        default -> throw new IllegalStateException("unknown constant pool tag " + tag);
      }
    }
    return pool;
  }

  private record StringRef(int utf8Index) {}
}
