<?xml version="1.0" encoding="UTF-8"?>
<!--
  hazard-names.xsl: the words of hazard reports, for the public pages and
  the admin's: the categories, the statuses (who acts next), the reasons
  a report is rejected, and why a form was not taken.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">

  <xsl:template name="hazard-category">
    <xsl:param name="c" select="@category"/>
    <xsl:choose>
      <xsl:when test="$c = 'exit-blocked'">安全出口、疏散通道堵塞或锁闭</xsl:when>
      <xsl:when test="$c = 'ebike'">电动自行车进楼入户、在楼道或室内充电</xsl:when>
      <xsl:when test="$c = 'fire-lane'">占用、堵塞消防车通道</xsl:when>
      <xsl:when test="$c = 'extinguisher'">灭火器缺失、过期或损坏</xsl:when>
      <xsl:when test="$c = 'hydrant'">消火栓损坏、无水或被遮挡</xsl:when>
      <xsl:when test="$c = 'wiring'">私拉乱接电线、超负荷用电</xsl:when>
      <xsl:when test="$c = 'live-in'">生产经营储存场所违规住人（“三合一”）</xsl:when>
      <xsl:when test="$c = 'gas'">违规使用瓶装液化气等燃气隐患</xsl:when>
      <xsl:when test="$c = 'facility'">消防设施停用或损坏（喷淋、报警、应急照明、疏散指示）</xsl:when>
      <xsl:when test="$c = 'other'">其他消防安全隐患</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The category select's options, in this order; sel is chosen. -->
  <xsl:template name="hazard-category-options">
    <xsl:param name="sel"/>
    <xsl:param name="list" select="'exit-blocked ebike fire-lane extinguisher hydrant wiring live-in gas facility other '"/>
    <xsl:if test="$list">
      <xsl:variable name="c" select="substring-before($list, ' ')"/>
      <option value="{$c}">
        <xsl:if test="$c = $sel"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
        <xsl:call-template name="hazard-category"><xsl:with-param name="c" select="$c"/></xsl:call-template>
      </option>
      <xsl:call-template name="hazard-category-options">
        <xsl:with-param name="sel" select="$sel"/>
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="hazard-status">
    <xsl:param name="s" select="@status"/>
    <xsl:choose>
      <xsl:when test="$s = 'new'">待核实</xsl:when>
      <xsl:when test="$s = 'verified'">已核实，待交办</xsl:when>
      <xsl:when test="$s = 'assigned'">已交镇街，待整改</xsl:when>
      <xsl:when test="$s = 'rectifying'">整改中</xsl:when>
      <xsl:when test="$s = 'rectified'">已整改，待验收</xsl:when>
      <xsl:when test="$s = 'closed'">已办结</xsl:when>
      <xsl:when test="$s = 'rejected'">不予受理</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Who acts next, for the admin's lists. -->
  <xsl:template name="hazard-waiting">
    <xsl:param name="s" select="@status"/>
    <xsl:choose>
      <xsl:when test="$s = 'new'">待区消安委办核实</xsl:when>
      <xsl:when test="$s = 'verified'">待区消安委办交办</xsl:when>
      <xsl:when test="$s = 'assigned'"><l:m>待<xsl:value-of select="@assigned-region"/>开始整改</l:m></xsl:when>
      <xsl:when test="$s = 'rectifying'"><l:m>待<xsl:value-of select="@assigned-region"/>整改完成</l:m></xsl:when>
      <xsl:when test="$s = 'rectified'">待区消安委办验收办结</xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="hazard-reject-reason">
    <xsl:param name="r" select="@reject-reason"/>
    <xsl:choose>
      <xsl:when test="$r = 'duplicate'">与已有的报告重复</xsl:when>
      <xsl:when test="$r = 'invalid'">经核实不属于消防安全隐患或信息不实</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Why a form was not taken. -->
  <xsl:template match="error" mode="hazard">
    <xsl:variable name="photo" select="substring-after(@code, 'photo-')"/>
    <xsl:variable name="kind" select="substring-before($photo, '-')"/>
    <xsl:variable name="n" select="substring-after($photo, '-')"/>
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'no-category'">请选择隐患类别。</xsl:when>
        <xsl:when test="@code = 'no-place'">请定位，或填写隐患所在的详细地址。</xsl:when>
        <xsl:when test="@code = 'bad-position'">没有收到有效的位置，请重新定位或填写地址。</xsl:when>
        <xsl:when test="@code = 'outside'"><l:m>这个位置不在<xsl:value-of select="/page/jurisdiction/@name"/>范围内。如果定位有误，请填写地址并选择镇街。</l:m></xsl:when>
        <xsl:when test="@code = 'bad-region'">请选择本辖区内的镇街。</xsl:when>
        <xsl:when test="@code = 'no-region'">请选择隐患所在的镇街（地址中没有写明镇街）。</xsl:when>
        <xsl:when test="@code = 'bad-address'">地址只能是一行文字，最长 200 个字。</xsl:when>
        <xsl:when test="@code = 'no-description'">请描述看到的隐患：在哪里、是什么情况。</xsl:when>
        <xsl:when test="@code = 'no-addition'">请填写补充说明或上传照片。</xsl:when>
        <xsl:when test="@code = 'bad-description'">描述最长 1000 个字。</xsl:when>
        <xsl:when test="@code = 'bad-name'">称呼只能是一行文字，最长 32 个字。</xsl:when>
        <xsl:when test="@code = 'bad-phone'">手机号应为 11 位数字；不想留电话可以不填。</xsl:when>
        <xsl:when test="@code = 'hazard-not-open'">这条隐患已经整改或办结，不能再补充。如果隐患仍然存在，请重新曝光。</xsl:when>
        <xsl:when test="$kind = 'many'">最多上传 3 张照片。</xsl:when>
        <xsl:when test="$kind = 'big'"><l:m>第 <xsl:value-of select="$n"/> 张照片超过 10 MB，请换一张或压缩后再上传。</l:m></xsl:when>
        <xsl:when test="$kind = 'type'"><l:m>第 <xsl:value-of select="$n"/> 个文件不是照片：只接受 JPEG、PNG 或 WebP 格式的图片。</l:m></xsl:when>
        <xsl:when test="$kind = 'bomb'"><l:m>第 <xsl:value-of select="$n"/> 张照片的尺寸太大（超过 4000 万像素或边长超过 12000 像素）。</l:m></xsl:when>
        <xsl:when test="$kind = 'broken'"><l:m>第 <xsl:value-of select="$n"/> 张照片文件不完整或已损坏，请重新拍摄或选择。</l:m></xsl:when>
        <xsl:when test="$kind = 'extra'"><l:m>第 <xsl:value-of select="$n"/> 个文件除了图片还夹带了其他内容，不能接受。请上传相机直接拍摄的照片。</l:m></xsl:when>
        <xsl:otherwise>照片处理失败，请稍后再试。</xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>
</xsl:stylesheet>
